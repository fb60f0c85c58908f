"""Build ``resources/models/ner-id.event_cues.txt``: words that start an EVENT name in NERP's
training split (the only Indonesian NER corpus that annotates events).

The tagger's second, lowercased pass exists only to find those EVENT names in cased text; it
doubles the tagging time and adds a name in about one sentence in 180. Running it only on
sentences that hold one of these words keeps what it finds and spends the time where it can
pay off.

    .venv/bin/python tools/build_event_cues.py
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from warta.ner.conll import bio_spans, read_split

OUT = Path(__file__).resolve().parents[1] / "src" / "warta" / "resources" / "models" / "ner-id.event_cues.txt"


def main() -> None:
    firsts: Counter = Counter()
    for sentence in read_split("nerp", "train"):
        for start, _, label in bio_spans(sentence.tags):
            if label == "EVENT":
                firsts[sentence.tokens[start].lower()] += 1
    words = sorted(w for w in firsts if w.isalpha() or any(ch.isalpha() for ch in w))
    header = ("# GENERATED FILE - do not edit by hand. Made by `.venv/bin/python tools/build_event_cues.py`\n"
              "# from IndoNLU NERP train (EVT spans): the first word of every EVENT name, lower case.\n"
              "# The NER tagger's lowercased EVENT pass runs only on sentences holding one of them.\n")
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words from {sum(firsts.values())} EVENT names -> {OUT}")


if __name__ == "__main__":
    main()
