"""Story-level references: every word that stands for an event side, resolved as a reader does.

One pass over the article in reading order builds its *mentions*:

1. names the entities stage found (people, organisations, states), with their actors;
2. initials the tagger missed, after a word that introduces a person ("kakek J", "berinisial
   BP dan MRS"): people whose id is scoped to the story;
3. descriptions from the agents table (``resources/<lang>/agents.tsv``), with their counting
   words ("lima tersangka", "para menteri", "sejumlah warga"):
   - a description that ``refers`` to the story's suspects is those people when the story
     names them ("tersangka", "pelaku", "yang bersangkutan");
   - one that refers to the authority is the police force, prosecutor or court acting in the
     story ("penyidik", "polisi", "petugas");
   - else a group actor with the story's country and the description's sector;
4. pronouns (``resources/<lang>/references.yaml``): "ia", "dia" → the last person named;
   "saya" → the quote's speaker; "kami", "pihaknya" → the body the speaker acts for (the
   organisation in the speaker's title: "Kasat Reskrim Polres Jember AKP Angga" → Polres
   Jember), else the authority; "mereka", "keduanya" → the suspects, else the last group.

Quote speakers and event sides both read these mentions, so a pronoun is resolved once.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from warta.actors.names import fold, slug
from warta.events.view import Token, TokenView, token_view
from warta.model import Actor, Article, field_order
from warta.resources import data_language, load

_SIDE_TYPES = frozenset({"PER", "ORG", "GPE", "NORP"})
_INITIALS = re.compile(r"[A-Z]{1,4}")
_NUMBER = re.compile(r"\d+")
_TITLE_GAP = 7  # tokens a speaker's title may put between their organisation and their name


@dataclass(frozen=True, slots=True)
class Agent:
    words: tuple[str, ...]
    sector: str
    refers: str  # "" | suspect | authority | speaker


@dataclass(frozen=True)
class Words:
    """A language's reference words and agents table."""

    personal: frozenset[str]
    plural: frozenset[str]
    first_person: frozenset[str]
    first_person_plural: frozenset[str]
    institutional: tuple[tuple[str, ...], ...]
    institutional_first: frozenset[str]
    it: frozenset[str]
    suffix: str
    demonstratives: frozenset[str]
    quantifiers: frozenset[str]
    initial_cues: frozenset[str]
    suspect_before: frozenset[str]
    suspect_after: tuple[tuple[str, ...], ...]
    victim_cues: frozenset[str]
    roles: dict[str, frozenset[str]]  # authority role -> words in its bodies' names
    role_defaults: dict[str, str]  # authority role -> the national body it stands for
    titles: frozenset[str]  # first words of office titles and roles ("dirjen", "kapolres", "ketua")
    head_prefix: str  # the prefix that makes a unit's name its head's title ("ka": Kapolsek, Kajari)
    title_bodies: dict[str, str]  # a head's title -> the word naming their body ("gubernur" -> "pemprov")
    subject_gap: frozenset[str]
    coordinators: frozenset[str]
    agents: dict[str, tuple[Agent, ...]]  # by first word, longest first
    home: str | None


@cache
def reference_words(lang: str) -> Words:
    data = load(lang, "references.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in data.get(key) or ())

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((tuple(fold(w) for w in p.split()) for p in data.get(key) or ()), key=len, reverse=True))

    agents: dict[str, list[Agent]] = {}
    for row in load(lang, "agents.tsv"):
        phrase = tuple(fold(w) for w in row["phrase"].split())
        agents.setdefault(phrase[0], []).append(Agent(phrase, row["sector"], row.get("refers") or ""))
    home = (load(lang, "entity_words.yaml").get("home_countries") or [None])[0]
    return Words(
        personal=words("personal"), plural=words("plural"), first_person=words("first_person"),
        first_person_plural=words("first_person_plural"), institutional=phrases("institutional"),
        institutional_first=frozenset(p[0] for p in phrases("institutional")), it=words("it"),
        suffix=data.get("suffix") or "", demonstratives=words("demonstratives"), quantifiers=words("quantifiers"),
        initial_cues=words("initial_cues"), suspect_before=words("suspect_before"),
        suspect_after=phrases("suspect_after"), victim_cues=words("victim_cues"),
        roles={role: frozenset(fold(w) for w in row["words"]) for role, row in (data.get("authority_roles") or {}).items()},
        role_defaults={role: row["default"] for role, row in (data.get("authority_roles") or {}).items()
                       if row.get("default")},
        titles=_title_words(lang), head_prefix=data.get("head_prefix") or "",
        title_bodies={fold(k): fold(v) for k, v in (data.get("title_bodies") or {}).items()}, subject_gap=frozenset(fold(w) for w in load(lang, "event_status.yaml")["subject_gap"]),
        coordinators=frozenset(fold(w) for w in load(lang, "event_status.yaml")["coordinators"]),
        agents={k: tuple(sorted(v, key=lambda a: -len(a.words))) for k, v in agents.items()}, home=home,
    )


def _title_words(lang: str) -> frozenset[str]:
    table = load(lang, "titles.yaml")
    phrases = [t for names in table["offices"].values() for t in names] + list(table.get("roles") or ())
    words = {fold(p.split()[0]) for p in phrases if p.split()}
    return frozenset(words | {"eks", "mantan", "wakil", "waka"})


@dataclass(frozen=True, slots=True)
class Mention:
    """Words in a field that stand for an actor: a name, initials, a description or a pronoun."""

    field: str
    first: int  # token indexes, inclusive
    last: int
    actor: str | None  # the resolved actor id (None: the text does not let a reader know)
    kind: str  # name | initials | group | suspect | authority | pronoun | speaker
    others: tuple[str, ...] = ()  # further actors the words stand for ("keduanya": both suspects)


@dataclass
class References:
    """The article's mentions, by field and token, and the actors they brought in."""

    article: Article
    view: TokenView
    words: Words
    country: str | None
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    by_last: dict[tuple[str, int], Mention] = field(default_factory=dict)
    by_first: dict[tuple[str, int], Mention] = field(default_factory=dict)
    by_token: dict[tuple[str, int], Mention] = field(default_factory=dict)
    new_actors: dict[str, Actor] = field(default_factory=dict)
    suspects: list[str] = field(default_factory=list)
    affiliation: dict[str, str] = field(default_factory=dict)  # person actor -> organisation actor
    actors: dict[str, Actor] = field(default_factory=dict)
    _order: list[tuple[tuple, Mention]] = field(default_factory=list)  # every mention in reading order

    def ending_at(self, field_name: str, token: int) -> Mention | None:
        return self.by_last.get((field_name, token))

    def starting_at(self, field_name: str, token: int) -> Mention | None:
        return self.by_first.get((field_name, token))

    def covering(self, field_name: str, token: int) -> Mention | None:
        return self.by_token.get((field_name, token))

    def before(self, field_name: str, token: int, wanted) -> Mention | None:
        """The last mention before ``token`` (reading order) for which ``wanted`` holds."""
        key = (field_order(field_name), token)
        i = bisect.bisect_left(self._order, (key,), key=lambda item: (item[0],))
        for _, m in reversed(self._order[:i]):
            if wanted(m):
                return m
        return None

    def kind_of(self, actor_id: str | None) -> str | None:
        actor = self.actors.get(actor_id or "")
        return actor.kind if actor else None

    def authority(self, field_name: str, token: int, role: str = "investigator") -> str | None:
        """The body of ``role`` (police, prosecutor, court; investigator: police or prosecutor)
        acting in the story up to ``token``: of those named so far, the one named most often
        (the latest on a tie); else the first named later; else the role's national body in
        the home country's news."""
        roles = ("police", "prosecutor") if role == "investigator" else (role,)
        key = (field_order(field_name), token)
        named = [m.actor for k, m in self._order if k < key and m.kind == "name" and self.role_of(m.actor) in roles]
        if named:
            counts = Counter(named)
            return max(reversed(named), key=lambda a: counts[a])
        later = [m.actor for _, m in self._order if m.kind == "name" and self.role_of(m.actor) in roles]
        if later:
            return later[0]
        if role != "investigator" and self.country == self.words.home and role in self.words.role_defaults:
            return self._known(self.words.role_defaults[role])
        return None

    def role_of(self, actor_id: str | None) -> str | None:
        """Which authority role an organisation has, by the words of its name or its parent's."""
        actor = self.actors.get(actor_id or "")
        if actor is None or actor.kind != "organization":
            return None
        for candidate in (actor, self.actors.get(actor.parent or "")):
            if candidate is None:
                continue
            words = {fold(w) for n in (candidate.name, *candidate.aliases) for w in re.findall(r"\w+", n)}
            for role, role_words in self.words.roles.items():
                if words & role_words:
                    return role
        return None

    def _known(self, actor_id: str) -> str | None:
        if actor_id not in self.actors:
            from warta.actors.dictionary import load_dictionary

            actor = load_dictionary().actors.get(actor_id)
            if actor is None:
                return None
            self.actors[actor_id] = self.new_actors[actor_id] = actor
        return actor_id

    def speaker_at(self, field_name: str, position: int) -> str | None:
        for quote in self.article.quotes:
            if quote.span.field == field_name and quote.span.start <= position < quote.span.end:
                return quote.speaker
        return None

    def body_of(self, actor_id: str | None) -> str | None:
        """The organisation a person acts for (their title's), or the organisation itself."""
        if actor_id is None:
            return None
        if self.kind_of(actor_id) in ("organization", "state"):
            return actor_id
        return self.affiliation.get(actor_id)


def references(article: Article) -> References:
    """The mentions of ``article``, resolved (see the module docstring)."""
    lang = data_language(article.language) or "id"
    words = reference_words(lang)
    view = token_view(article)
    refs = References(article, view, words, _story_country(article, words.home),
                      actors={a.id: a for a in article.actors})
    _names(refs)
    _initials(refs)
    _affiliations(refs)
    _officials(refs)
    _suspects(refs)
    _descriptions_and_pronouns(refs)
    return refs


def _add(refs: References, mention: Mention) -> None:
    refs.mentions.setdefault(mention.field, []).append(mention)
    refs.by_last[(mention.field, mention.last)] = mention
    refs.by_first.setdefault((mention.field, mention.first), mention)
    for k in range(mention.first, mention.last + 1):
        refs.by_token.setdefault((mention.field, k), mention)
    item = ((field_order(mention.field), mention.first), mention)
    bisect.insort(refs._order, item, key=lambda x: x[0])


def _story_country(article: Article, home: str | None) -> str | None:
    """The country a story's unnamed groups belong to: the one its actors name most."""
    counts: Counter = Counter()
    actors = {a.id: a for a in article.actors}
    for e in article.entities:
        actor = actors.get(e.actor or "")
        if actor is not None:
            country = actor.id if actor.kind == "state" else actor.country
            if country:
                counts[country] += 1
    if home and counts.get(home, 0) * 2 >= max(counts.values(), default=0):
        return home
    return counts.most_common(1)[0][0] if counts else home


def _names(refs: References) -> None:
    for name, fv in refs.view.fields.items():
        for entity in fv.entities:
            if entity.type not in _SIDE_TYPES or not entity.actor or entity.actor.startswith("geo:"):
                continue
            first, last = fv.token_at(entity.span.start), fv.token_at(entity.span.end) - 1
            if last >= first:
                _add(refs, Mention(name, first, last, entity.actor, "name"))


def _initials(refs: References) -> None:
    """"kakek J", "berinisial BP dan MRS", "AS (45)": initials after a word for a person or
    before an age, and the same initials anywhere else in the story."""
    cues = refs.words.initial_cues
    known: set[str] = set()
    _bracketed_initials(refs)
    for _ in range(2):  # the second pass finds the known initials where no cue stands
        _initials_pass(refs, cues, known)


def _bracketed_initials(refs: References) -> None:
    """"Ridwan Kamil (RK)", "Siman Bahar (SB)": the initials name that person wherever they
    stand alone in the story."""
    aliases: dict[str, str] = {}
    for name, mentions in list(refs.mentions.items()):
        fv = refs.view.field(name)
        for m in mentions:
            k = m.last + 1
            if refs.kind_of(m.actor) == "person" and k + 2 < len(fv.tokens) and fv.tokens[k].word == "(" \
                    and fv.tokens[k + 2].word == ")":
                written = fv.text[fv.tokens[k + 1].start:fv.tokens[k + 1].end]
                if _INITIALS.fullmatch(written) and len(written) >= 2:
                    aliases[written] = m.actor
    if not aliases:
        return
    for name, fv in refs.view.fields.items():
        for k, token in enumerate(fv.tokens):
            written = fv.text[token.start:token.end]
            if written in aliases and refs.covering(name, k) is None:
                _add(refs, Mention(name, k, k, aliases[written], "name"))


def _initials_pass(refs: References, cues: frozenset[str], known: set[str]) -> None:
    for name, fv in refs.view.fields.items():
        tokens, text = fv.tokens, fv.text
        k = 1
        while k < len(tokens):
            written = text[tokens[k].start:tokens[k].end]
            aged = k + 3 < len(tokens) and tokens[k + 1].word == "(" and tokens[k + 2].word.isdigit() \
                and tokens[k + 3].word == ")"
            if (_INITIALS.fullmatch(written) and (tokens[k - 1].word in cues or written in known
                                                 or (aged and len(written) >= 2))
                    and refs.covering(name, k) is None and tokens[k].word not in refs.words.agents):
                run = [k]
                j = k + 1  # "BP dan MRS", "BP, MRS dan AS"
                while j + 1 < len(tokens) and tokens[j].word in {",", "dan", "and", "serta"} \
                        and _INITIALS.fullmatch(text[tokens[j + 1].start:tokens[j + 1].end]) \
                        and refs.covering(name, j + 1) is None:
                    run.append(j + 1)
                    j += 2
                for i in run:
                    initials = text[tokens[i].start:tokens[i].end]
                    known.add(initials)
                    actor = _person(refs, initials)
                    _add(refs, Mention(name, i, i, actor, "initials"))
                k = run[-1] + 1
                continue
            k += 1


def _person(refs: References, initials: str) -> str:
    actor_id = f"per:{slug(initials)}-{refs.article.id[:6] or 'story'}"
    if actor_id not in refs.actors:
        actor = Actor(id=actor_id, name=initials, kind="person", country=refs.country)
        refs.actors[actor_id] = refs.new_actors[actor_id] = actor
    return actor_id


def _affiliations(refs: References) -> None:
    """"Kasat Reskrim Polres Jember AKP Angga": Angga acts for Polres Jember; "Kapolsek
    Prambanan AKP Nyoto": Nyoto for Polsek Prambanan, when the story names it."""
    _titled_affiliations(refs)
    for name, mentions in refs.mentions.items():
        tokens = refs.view.field(name).tokens
        ordered = sorted(mentions, key=lambda m: m.first)
        for n, m in enumerate(ordered):
            if refs.kind_of(m.actor) != "person" or m.actor in refs.affiliation:
                continue
            for prev in reversed(ordered[:n]):
                if m.first - prev.last > _TITLE_GAP:
                    break
                between = tokens[prev.last + 1:m.first]
                text = refs.view.field(name).text
                if not all(text[t.start].isupper() or t.word in {"(", ")", "-"} for t in between):
                    break  # only title words stand between a body and its official
                if refs.kind_of(prev.actor) == "organization" and prev.kind == "name":
                    refs.affiliation[m.actor] = prev.actor
                    break


def _titled_affiliations(refs: References) -> None:
    prefix = refs.words.head_prefix
    if not prefix:
        return
    bodies = {}
    for actor in refs.actors.values():
        if actor.kind == "organization":
            bodies.setdefault(tuple(fold(w) for w in re.findall(r"\w+", actor.name)), actor.id)
    for name, mentions in refs.mentions.items():
        fv = refs.view.field(name)
        for m in mentions:
            if m.kind != "name" or refs.kind_of(m.actor) != "person" or m.actor in refs.affiliation:
                continue
            words = []
            for k in range(m.first - 1, max(-1, m.first - 8), -1):
                if not fv.text[fv.tokens[k].start].isupper():
                    break
                words.insert(0, fv.tokens[k].word)
            title = set(words) | {w[len(prefix):] for w in words if w.startswith(prefix)}
            title |= {refs.words.title_bodies[w] for w in words if w in refs.words.title_bodies}
            for body_words, body in bodies.items():
                if len(body_words) >= 2 and set(body_words) <= title:
                    refs.affiliation[m.actor] = body
                    break


def _officials(refs: References) -> None:
    """"Eks Dirjen Kemenkeu didakwa", "Waka DPRD Jatim minta": an office of a body with no
    name after it is the person the story names in that body."""
    members: dict[str, str] = {}
    for person, body in refs.affiliation.items():
        members.setdefault(body, person)
    titles = refs.words.titles
    for name in list(refs.mentions):
        fv = refs.view.field(name)
        for m in list(refs.mentions[name]):
            if m.kind != "name" or m.actor not in members or m.first == 0:
                continue
            if fv.tokens[m.first - 1].word not in titles:
                continue
            following = refs.starting_at(name, m.last + 1)
            if following is not None and refs.kind_of(following.actor) == "person":
                continue  # "Dirjen Kemenkeu Isa Rachmatarwata": the name says who
            first = m.first - 1
            while first > 0 and fv.tokens[first - 1].word in titles:
                first -= 1
            _replace(refs, m, Mention(name, first, m.last, members[m.actor], "official"))


def _suspects(refs: References) -> None:
    """People the story names as suspects or offenders: right after a word such as
    "tersangka" or "berinisial", or right before "ditetapkan sebagai tersangka", "ditahan"."""
    w = refs.words
    found: list[tuple[tuple, str]] = []
    for name, mentions in refs.mentions.items():
        tokens = refs.view.field(name).tokens
        for m in mentions:
            if refs.kind_of(m.actor) != "person":
                continue
            before = [t.word for t in tokens[max(0, m.first - 2):m.first]]
            if set(before) & w.victim_cues:
                continue  # "korban berinisial AR"
            k = m.last + 1
            while k < len(tokens) and (tokens[k].word in w.subject_gap or tokens[k].word in {"(", ")"}
                                       or tokens[k].word.isdigit()):
                k += 1  # "AR (45) telah resmi ditahan"
            after = tuple(t.word for t in tokens[k:k + 5])
            if (before and before[-1] in w.suspect_before) or any(after[:len(c)] == c for c in w.suspect_after):
                found.append(((field_order(name), m.first), m.actor))
    for _, actor in sorted(found):
        if actor not in refs.suspects:
            refs.suspects.append(actor)


def _descriptions_and_pronouns(refs: References) -> None:
    w = refs.words
    for name, fv in refs.view.fields.items():
        tokens, text = fv.tokens, fv.text
        k = 0
        while k < len(tokens):
            if refs.covering(name, k) is not None:
                k += 1
                continue
            token = tokens[k]
            length = _institutional_at(tokens, k, w)
            if length:
                _add(refs, Mention(name, k, k + length - 1, _body_speaking(refs, name, k), "speaker"))
                k += length
                continue
            agent, first = _agent_at(tokens, text, k, w)
            if agent is not None:
                last = first + len(agent.words) - 1
                following = refs.starting_at(name, last + 1)
                if following is not None and refs.kind_of(following.actor) == "state" and agent.sector != "GOV" \
                        and not agent.refers:
                    # "warga Palestina", "pasukan Rusia": that state's people, soldiers, …
                    group = _group(refs, agent, name, k, following.last, following.actor)
                    _replace(refs, following, Mention(name, k, following.last, group, "group"))
                    k = following.last + 1
                    continue
                if following is not None:  # "tersangka BP", "penyidik KPK", "pemerintah Rusia": the name
                    k = last + 1
                    continue
                if _title(refs, name, first, last):  # "Menteri Luar Negeri AS Antony Blinken"
                    k = last + 1
                    continue
                _add(refs, _described(refs, name, k, last, agent, tokens))
                k = last + 1
                continue
            mention = _pronoun(refs, name, k, token)
            if mention is not None:
                _add(refs, mention)
            k += 1


def _title(refs: References, name: str, first: int, last: int) -> bool:
    """Whether capitalised agent words are a title before a name ("Menteri Luar Negeri AS
    Antony Blinken", "Presiden Prabowo"): capitalised words lead to a name."""
    fv = refs.view.field(name)
    tokens, text = fv.tokens, fv.text
    if not text[tokens[first].start].isupper():
        return False
    for k in range(last + 1, min(len(tokens), last + 7)):
        if refs.starting_at(name, k) is not None:
            return True
        if not text[tokens[k].start].isupper():
            return False
    return False


def _institutional_at(tokens: list[Token], k: int, w: Words) -> int:
    if tokens[k].word not in w.institutional_first:
        return 0
    for phrase in w.institutional:
        if tuple(t.word for t in tokens[k:k + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _agent_at(tokens: list[Token], text: str, k: int, w: Words) -> tuple[Agent | None, int]:
    """The agents-table phrase starting at ``tokens[k]``, past counting words ("lima
    tersangka"); returns it and the index where its own words start."""
    j = k
    while j < len(tokens) and j - k < 3 and (tokens[j].word in w.quantifiers or _NUMBER.fullmatch(tokens[j].word)):
        j += 1
    for start in ((j, k) if j != k else (k,)):
        if start >= len(tokens):
            continue
        word = tokens[start].word
        bare = word[:-len(w.suffix)] if w.suffix and word.endswith(w.suffix) else word  # "menterinya"
        for agent in w.agents.get(word, ()) + (w.agents.get(bare, ()) if bare != word else ()):
            n = len(agent.words)
            said = (bare,) + tuple(t.word for t in tokens[start + 1:start + n]) if n == 1 or bare == word else ()
            if tuple(t.word for t in tokens[start:start + n]) == agent.words or said == agent.words:
                if start + n < len(tokens) and tokens[start + n].word in w.demonstratives and agent.refers == "":
                    return Agent(agent.words, agent.sector, "suspect" if agent.sector in ("CVL", "CRM") else ""), start
                return agent, start
    return None, k


def _described(refs: References, name: str, first: int, last: int, agent: Agent, tokens: list[Token]) -> Mention:
    if agent.refers == "suspect" and refs.suspects:
        counted = first < last - len(agent.words) + 1 or tokens[first].word not in agent.words
        return Mention(name, first, last, refs.suspects[0], "suspect",
                       tuple(refs.suspects[1:]) if counted or len(refs.suspects) > 1 else ())
    if agent.refers in ("authority", "police", "prosecutor", "court"):
        body = refs.authority(name, first, "investigator" if agent.refers == "authority" else agent.refers)
        if body is not None:
            return Mention(name, first, last, body, "authority")
    return Mention(name, first, last, _group(refs, agent, name, first, last), "group")


def _replace(refs: References, old: Mention, new: Mention) -> None:
    refs.mentions[old.field] = [m for m in refs.mentions[old.field] if m is not old]
    refs._order = [item for item in refs._order if item[1] is not old]
    for key in [key for key, m in refs.by_token.items() if m is old]:
        del refs.by_token[key]
    refs.by_first.pop((old.field, old.first), None)
    refs.by_last.pop((old.field, old.last), None)
    _add(refs, new)
    refs.by_first[(new.field, new.first)] = new


def _group(refs: References, agent: Agent, name: str, first: int, last: int, country: str | None = None) -> str:
    head = " ".join(agent.words)
    country = country or refs.country
    actor_id = f"grp:{(country or 'xxx').lower()}-{agent.sector.lower()}-{slug(head)}"
    written = refs.view.field(name).text[refs.view.field(name).tokens[first].start:refs.view.field(name).tokens[last].end]
    actor = refs.actors.get(actor_id)
    if actor is None:
        actor = Actor(id=actor_id, name=head, kind="group", country=country, sector=agent.sector)
    if written != actor.name and written not in actor.aliases:
        actor = Actor(id=actor.id, name=actor.name, kind="group", country=actor.country, sector=actor.sector,
                      aliases=(*actor.aliases, written))
    refs.actors[actor_id] = refs.new_actors[actor_id] = actor
    return actor_id


def _body_speaking(refs: References, name: str, k: int) -> str | None:
    """"pihaknya", "kami": the body the speaker of this sentence acts for."""
    fv = refs.view.field(name)
    speaker = refs.speaker_at(name, fv.tokens[k].start) or _sentence_speaker(refs, name, k)
    body = refs.body_of(speaker)
    if body is not None:
        return body
    last = refs.before(name, k, lambda m: m.kind == "name" and refs.kind_of(m.actor) == "organization")
    return last.actor if last else refs.authority(name, k)


def _sentence_speaker(refs: References, name: str, k: int) -> str | None:
    """The speaker of a quote in the same sentence ("…, kata Kapolres"), if any."""
    fv = refs.view.field(name)
    n = fv.sentence_of[k]
    if n < 0:
        return None
    first, last = fv.sentences[n]
    start, end = fv.tokens[first].start, fv.tokens[last - 1].end
    for quote in refs.article.quotes:
        if quote.span.field == name and quote.span.start < end and start < quote.span.end and quote.speaker:
            return quote.speaker
    return None


def _recent_speaker(refs: References, name: str, k: int) -> str | None:
    """The person quoted in this sentence or the one before, if no other person is named
    between that quote and ``k``."""
    fv = refs.view.field(name)
    n = fv.sentence_of[k]
    if n < 0:
        return None
    floor = fv.tokens[fv.sentences[max(0, n - 1)][0]].start
    position = fv.tokens[k].start
    quotes = [q for q in refs.article.quotes if q.span.field == name and q.speaker
              and floor <= q.span.start < position and refs.kind_of(q.speaker) == "person"]
    if not quotes:
        return None
    last = max(quotes, key=lambda q: q.span.end)
    named = refs.before(name, k, lambda m: m.kind in ("name", "initials") and refs.kind_of(m.actor) == "person")
    if named is not None and fv.tokens[named.first].start > max(last.span.end, (last.speaker_span.end if last.speaker_span else 0)) \
            and named.actor != last.speaker:
        return None
    return last.speaker


def _last_pair(refs: References, name: str, k: int) -> tuple[str, ...] | None:
    """The last "A dan B" of two named sides in this sentence or the one before."""
    fv = refs.view.field(name)
    n = fv.sentence_of[k]
    floor = fv.sentences[n - 1][0] if n > 0 else 0
    for j in range(k - 1, floor + 1, -1):
        if fv.tokens[j].word not in refs.words.coordinators:
            continue
        right, left = refs.starting_at(name, j + 1), refs.ending_at(name, j - 1)
        if right and left and right.kind == left.kind == "name" and right.actor and left.actor \
                and right.actor != left.actor and refs.kind_of(right.actor) == refs.kind_of(left.actor):
            return (left.actor, right.actor)
    return None


def _pronoun(refs: References, name: str, k: int, token: Token) -> Mention | None:
    w = refs.words
    fv = refs.view.field(name)
    if token.word in w.personal:
        speaker = _recent_speaker(refs, name, k)
        if speaker is not None and refs.speaker_at(name, token.start) is None:
            return Mention(name, k, k, speaker, "pronoun")  # "…,” kata Jhony. Dia juga akan meminta …"
        last = refs.before(name, k, lambda m: m.kind in ("name", "initials", "pronoun")
                           and refs.kind_of(m.actor) == "person")
        return Mention(name, k, k, last.actor if last else None, "pronoun")
    if token.word in w.first_person:
        return Mention(name, k, k, refs.speaker_at(name, token.start), "speaker")
    if token.word in w.first_person_plural:
        speaker = refs.speaker_at(name, token.start)
        return Mention(name, k, k, refs.body_of(speaker) or speaker, "speaker") if speaker else None
    if token.word in w.plural:
        pair = _last_pair(refs, name, k)
        if pair is not None:  # "Blinken dan Lavrov … sepakat bahwa mereka"
            return Mention(name, k, k, pair[0], "pronoun", pair[1:])
        if refs.suspects:
            return Mention(name, k, k, refs.suspects[0], "suspect", tuple(refs.suspects[1:]))
        last = refs.before(name, k, lambda m: m.actor is not None and (
            m.kind == "group" or refs.kind_of(m.actor) in ("organization", "person")))
        return Mention(name, k, k, last.actor if last else None, "pronoun")
    if token.word in w.it:
        last = refs.before(name, k, lambda m: refs.kind_of(m.actor) in ("organization", "state"))
        return Mention(name, k, k, last.actor if last else None, "pronoun")
    if w.suffix and token.word.endswith(w.suffix) and (len(token.word) > len(w.suffix) + 3 or token.word == w.suffix) \
            and fv.text[token.start].islower():  # "rumahnya"; "rumah nya" where the clitic is split off
        last = refs.before(name, k, lambda m: refs.kind_of(m.actor) == "person")
        if last is not None:
            return Mention(name, k, k, last.actor, "suffix")
    return None
