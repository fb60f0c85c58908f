"""Event sides: which mention is a candidate's actor and which its recipient.

Each side is chosen among scored (trigger, mention) pairs; mentions come from the sentence
(names, initials, descriptions, pronouns, all resolved by ``references``) and, where the
sentence leaves a side unsaid, from the story (the authority acting, the suspects, the quote's
speaker). The rules that score a pair:

- an active verb's actor is the mention before it in its clause (past words such as "juga
  telah", an apposition, a bracket; "A dan B" is a pair; after "dan" the subject of the clause
  before), its recipient the first mention after it (past "dengan", "ke", title words:
  "bertemu dengan Menteri Luar Negeri AS Antony Blinken" is Blinken);
- a passive swaps them, the actor after "oleh"/"by" or right after a di- verb ("ditahan KPK");
- a noun ("penggeledahan", "penetapan tersangka") takes its recipient after "terhadap" or right
  after it and its actor after "oleh";
- a speaker verb's actor is the speaker of the quote it stands in;
- the story fills what the sentence leaves unsaid: a legal act's actor is the authority acting
  in the story, the recipient of an arrest, charge or conviction the story's suspects, a
  "menolak tuntutan" the actor of the demand before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from warta.events.candidates import Candidate, is_break
from warta.events.lexicon import Lexicon
from warta.events.references import Mention, References
from warta.events.view import QUOTE_MARKS, FieldView

_SUBJECT_REACH = 10  # words a subject may stand before its trigger
_OBJECT_REACH = 9  # words an object may stand after its trigger
# Scores of the ways a side is found; the event's confidence is built from them.
SCORES = {"subject": 0.9, "object": 0.85, "agent": 0.9, "pair": 0.9, "speaker": 0.8, "coordinated": 0.75,
          "fronted": 0.7, "answers": 0.6, "suffix": 0.6, "story:authority": 0.5, "story:suspect": 0.45}


@dataclass(frozen=True, slots=True)
class Side:
    actor: str | None
    how: str = ""
    others: tuple[str, ...] = ()

    @property
    def score(self) -> float:
        return SCORES.get(self.how, 0.0) if self.actor else 0.0


NOBODY = Side(None)


@dataclass
class Sentence:
    """What finding sides in one sentence needs."""

    refs: References
    lex: Lexicon
    fv: FieldView
    first: int  # token range of the sentence
    last: int


def _side(m: Mention | None, how: str) -> Side:
    if m is None or m.actor is None:
        return NOBODY
    return Side(m.actor, how, m.others)


def _usable(m: Mention | None) -> bool:
    return m is not None and m.kind != "suffix"


def _owner(s: Sentence, m: Mention | None) -> bool:
    """"rumahnya": a possession's -nya stands for its owner."""
    if m is None or m.kind != "suffix":
        return False
    word = s.fv.tokens[m.first].word
    suffix = s.refs.words.suffix
    return bool(suffix) and word[:-len(suffix)] in s.lex.possessions


def sides(s: Sentence, c: Candidate, subjects: list[Side]) -> tuple[Side, Side, Side]:
    """(actor, recipient, the subject as found) for candidate ``c``; ``subjects`` holds the
    subjects of the sentence's earlier candidates ("… dan sepakat")."""
    voice = c.voice
    if voice == "active" and s.lex.passive_auxiliaries and _passive_auxiliary(s, c.first):
        voice = "passive"
    subject = _subject(s, c.first, subjects, "legal" in c.contexts)
    if voice == "noun":
        if c.reciprocal:
            pair = _noun_pair(s, c)  # "kerja sama KPK dengan PPATK", "pertemuan antara A dan B"
            if pair is not None:
                return pair[0], pair[1], subject
        return _noun(s, c), _noun_object(s, c), subject
    if c.gap:
        obj = _object(s, c.gap[0], c.gap[1])
    else:
        obj = _object(s, c.last + 1, min(s.last, c.last + 1 + _OBJECT_REACH))
    if obj.actor is None and s.fv.tokens[c.last].word.endswith(s.refs.words.suffix or "\0"):
        suffixed = s.refs.covering(s.fv.name, c.last)  # "menangkapnya": him
        if suffixed is not None and suffixed.kind == "suffix":
            obj = _side(suffixed, "suffix")
    if voice == "passive":
        if subject.actor is None and c.mode in ("seize", "destroy"):
            subject = _source(s, c.last + 1)  # "aset yang disita dari rumah Arinal"
        return _agent(s, c.last + 1), subject, subject
    if voice == "speaker":
        speaker = s.refs.speaker_at(s.fv.name, s.fv.tokens[c.first].start)
        return Side(speaker, "speaker") if speaker else NOBODY, subject, subject
    return subject, obj, subject


def _tokens_back(s: Sentence, i: int):
    """Indexes before ``i`` in the sentence, nearest first, past quotation marks."""
    k = i - 1
    while k >= s.first:
        if s.fv.tokens[k].word not in QUOTE_MARKS:
            yield k
        k -= 1


def _passive_auxiliary(s: Sentence, i: int) -> bool:
    tokens = s.fv.tokens
    for n, k in enumerate(_tokens_back(s, i)):
        if n >= 3:
            return False
        if tokens[k].word in s.lex.passive_auxiliaries:
            return tokens[i].word.endswith(("ed", "en", "wn", "ld", "ght", "ot", "ung", "uck", "eld"))
        if tokens[k].word not in s.lex.subject_gap:
            return False
    return False


def _subject(s: Sentence, i: int, subjects: list[Side], legal: bool) -> Side:
    """The side named before tokens[i] in its clause."""
    tokens, refs, lex, name = s.fv.tokens, s.refs, s.lex, s.fv.name
    back = list(_tokens_back(s, i))
    n = 0
    while n < len(back) and i - back[n] <= _SUBJECT_REACH:
        k = back[n]
        token = tokens[k]
        mention = refs.ending_at(name, k)
        if _usable(mention):
            pair = _coordinated(s, mention)
            return pair or _side(mention, "subject")
        if _owner(s, mention):
            return _side(mention, "subject")
        if token.word == ")":  # "Kejaksaan Negeri (Kejari) Jember menetapkan"
            opening = next((m for m in range(n + 1, min(len(back), n + 8)) if tokens[back[m]].word == "("), None)
            if opening is not None:
                n = opening + 1
                continue
        if token.word == "," and k > s.first:
            # "Lavrov, Menteri Luar Negeri Rusia, mengatakan": past a comma-enclosed apposition;
            # "Presiden ke-7 RI, Joko Widodo (Jokowi), sempat bertemu": the person inside it
            opening = next((m for m in range(n + 1, min(len(back), n + 12)) if tokens[back[m]].word == ","), None)
            if opening is not None:
                inside = _first_mention(s, back[opening] + 1, k)
                before = refs.ending_at(name, back[opening + 1]) if opening + 1 < len(back) else None
                if _usable(inside) and refs.kind_of(inside.actor) == "person" and not (
                        _usable(before) and refs.kind_of(before.actor) == "person"):
                    return _side(inside, "subject")
                if _usable(before):
                    return _side(before, "subject")
            break
        if is_break(lex, token):
            break
        if token.word in lex.coordinators:
            # "… dan telah mendesak": the verb shares the subject of the clause before it
            known = [x for x in subjects if x.actor is not None]
            if known:
                return Side(known[-1].actor, "coordinated", known[-1].others)
            return _side(_clause_subject(s, k), "coordinated")
        if token.word not in lex.subject_gap and token.word not in s.lex.status_words:
            break
        n += 1
    tokens_first = tokens[s.first].word if s.first < s.last else ""
    if tokens_first in lex.fronted:
        comma = next((j for j in range(s.first, s.last) if tokens[j].word == ","), None)
        if comma is not None and comma > i:
            return _side(_first_mention(s, comma + 1, min(s.last, comma + 4)), "fronted")
    return NOBODY


def _source(s: Sentence, start: int) -> Side:
    """"disita dari (rumah) X": whom a seizure took from."""
    tokens = s.fv.tokens
    for k in range(start, min(s.last, start + _OBJECT_REACH)):
        if tokens[k].word in s.lex.source_markers:
            found = _object(s, k + 1, min(s.last, k + 4))
            return found
        if is_break(s.lex, tokens[k]):
            break
    return NOBODY


def _clause_subject(s: Sentence, k: int) -> Mention | None:
    """The first side named in the clause that ends at tokens[k] ("Kamal melihat kesempatan
    itu dan langsung menggorok …": Kamal)."""
    start = k - 1
    while start > s.first and not is_break(s.lex, s.fv.tokens[start - 1]):
        start -= 1
    return _first_mention(s, start, k)


def _first_mention(s: Sentence, start: int, stop: int) -> Mention | None:
    for k in range(start, stop):
        m = s.refs.starting_at(s.fv.name, k)
        if _usable(m):
            return m
    return None


def _coordinated(s: Sentence, mention: Mention) -> Side | None:
    """"Blinken dan Lavrov": both sides, the first named first."""
    tokens, text = s.fv.tokens, s.fv.text
    k = mention.first - 1
    while k > s.first and text[tokens[k].start].isupper() and tokens[k].word not in s.lex.coordinators \
            and tokens[mention.first].start - tokens[k].start < 40:
        k -= 1  # past the second side's title: "… dan Menlu Rusia Sergei Lavrov"
    if k - 1 >= s.first and tokens[k].word in s.lex.coordinators:
        other = s.refs.ending_at(s.fv.name, k - 1)
        if _usable(other) and other.actor and other.actor != mention.actor:
            chain = _coordinated(s, other)  # "A bersama B hingga C": A first
            if chain is not None:
                return Side(chain.actor, "pair", (*chain.others, mention.actor))
            return Side(other.actor, "pair", (mention.actor,))
    return None


def _object(s: Sentence, start: int, stop: int) -> Side:
    """The first side named after a trigger in its clause; a person after a title that names
    them, not the title's country or body."""
    tokens, refs, name = s.fv.tokens, s.refs, s.fv.name
    for k in range(start, min(stop, len(tokens))):
        token = tokens[k]
        if token.word in QUOTE_MARKS:
            continue
        mention = refs.starting_at(name, k)
        if _owner(s, mention):
            return _side(mention, "object")
        if _usable(mention):
            if refs.kind_of(mention.actor) != "person":
                person = _first_mention(s, mention.last + 1, min(s.last, mention.last + 4))
                if person and refs.kind_of(person.actor) == "person" and _title_words_between(s, mention, person):
                    return _side(person, "object")
            return _side(mention, "object")
        if is_break(s.lex, token) or (k > start and token.word in s.lex.triggers):
            return NOBODY  # the object of this trigger ends where another event begins
    return NOBODY


def _title_words_between(s: Sentence, left: Mention, right: Mention) -> bool:
    tokens, text = s.fv.tokens, s.fv.text
    return all(text[t.start].isupper() for t in tokens[left.last + 1:right.first])


def _agent(s: Sentence, start: int) -> Side:
    """"ditangkap oleh polisi" / "arrested by police" / "ditahan KPK"."""
    tokens = s.fv.tokens
    for k in range(start, min(s.last, start + _OBJECT_REACH)):
        if tokens[k].word in s.lex.agent_markers:
            found = _object(s, k + 1, min(s.last, k + 1 + _OBJECT_REACH))
            return Side(found.actor, "agent", found.others) if found.actor else NOBODY
        if is_break(s.lex, tokens[k]):
            break
    if s.lex.agent_after_verb and start < s.last:
        m = s.refs.starting_at(s.fv.name, start)
        if _usable(m) and m.kind in ("name", "authority"):
            return _side(m, "agent")
    return NOBODY


def _noun(s: Sentence, c: Candidate) -> Side:
    """A nominal event's actor: "penggeledahan oleh KPK"."""
    return _agent(s, c.last + 1)


def _noun_object(s: Sentence, c: Candidate) -> Side:
    """A nominal event's recipient: "penetapan tersangka terhadap SB", "penangkapan BP"."""
    tokens = s.fv.tokens
    stop = min(s.last, c.last + 1 + _OBJECT_REACH)
    right_after = s.refs.starting_at(s.fv.name, c.last + 1)
    if _usable(right_after) and right_after.kind in ("name", "initials", "suspect"):
        return _side(right_after, "object")
    for k in range(c.last + 1, stop):
        if tokens[k].word in s.lex.noun_object_markers:
            return _object(s, k + 1, stop)
        if is_break(s.lex, tokens[k]):
            break
    return NOBODY


def _noun_pair(s: Sentence, c: Candidate) -> tuple[Side, Side] | None:
    """The two sides of a reciprocal noun: "kemitraan MUI dengan BPJS", "pertemuan antara A dan B"."""
    tokens = s.fv.tokens
    k = c.last + 1
    if k < s.last and tokens[k].word in s.lex.pair_openers:
        k += 1
    first = s.refs.starting_at(s.fv.name, k) if k < s.last else None
    if not _usable(first) or first.actor is None:
        return None
    j = first.last + 1
    if j + 1 < s.last and tokens[j].word in s.lex.pair_joiners:
        second = s.refs.starting_at(s.fv.name, j + 1)
        if _usable(second) and second.actor and second.actor != first.actor:
            return Side(first.actor, "pair"), Side(second.actor, "pair")
    return None


def occurs(s: Sentence, c: Candidate) -> bool:
    """Whether a noun trigger is told as happening ("penggeledahan dilakukan di …")."""
    tokens = s.fv.tokens
    return any(tokens[k].word in s.lex.occurrence_verbs for k in range(c.last + 1, min(s.last, c.last + 6)))
