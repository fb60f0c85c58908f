"""Run named stages over an article, checking their contract.

``Pipeline(["extract", "language"])``:

1. resolves each name in the registry (newest version unless ``name.vN``);
2. refuses an order in which a stage needs what only a later stage provides;
3. per article, checks that inputs not produced inside this pipeline were
   provided by stages already run on it (``article.stages``);
4. runs each stage; with ``options.debug`` it checks the returned type, that
   title/body/captions are unchanged after ``extract``, and every span
   (``record[field][start:end] == text``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from warta.config import Options
from warta.errors import (
    EmptyInputError,
    InputTooLargeError,
    MissingInputError,
    SpanInvariantError,
    StageContractError,
    StageOrderError,
)
from warta.model import Article, Sentence, Source
from warta.registry import StageSpec, resolve


class Pipeline:
    def __init__(self, stages: Sequence[str] | None = None, options: Options | None = None):
        self.options = options or Options()
        names = list(stages) if stages is not None else list(self.options.stages)
        self.specs: tuple[StageSpec, ...] = tuple(resolve(name) for name in names)
        self._check_order()
        self._functions = tuple(spec.load() for spec in self.specs)

    @property
    def stage_ids(self) -> tuple[str, ...]:
        return tuple(spec.id for spec in self.specs)

    def _check_order(self) -> None:
        for i, spec in enumerate(self.specs):
            for need in spec.requires:
                later = [s.id for s in self.specs[i + 1 :] if need in s.provides]
                earlier = [s for s in self.specs[:i] if need in s.provides]
                if later and not earlier:
                    raise StageOrderError(
                        f"stage {spec.id} needs {need!r}, which {later[0]} provides later; "
                        f"put {later[0]} first"
                    )

    def _check_inputs(self, article: Article, index: int) -> None:
        spec = self.specs[index]
        done = set()
        for stage_id in article.stages:
            done.update(resolve(stage_id).provides)
        for earlier in self.specs[:index]:
            done.update(earlier.provides)
        if article.raw is not None:
            done.add("raw")
        missing = [need for need in spec.requires if need not in done]
        if missing:
            raise MissingInputError(
                f"stage {spec.id} needs {', '.join(missing)}: run the stage that provides it first"
            )

    def run(self, article: Article) -> Article:
        """The article after every stage, with the stage ids appended to ``article.stages``."""
        for index, (spec, function) in enumerate(zip(self.specs, self._functions)):
            self._check_inputs(article, index)
            before = article
            article = function(article, self.options)
            if not isinstance(article, Article):
                raise StageContractError(f"stage {spec.id} returned {type(article).__name__}, not Article")
            article = article.evolve(stages=before.stages + (spec.id,))
            if self.options.debug:
                check_article(article, frozen_text=before if "extract.v1" in before.stages else None)
        return article

    def process(self, content: str | bytes, *, url: str | None = None, published: str | None = None,
                path: str | None = None) -> Article:
        """Run the pipeline on one HTML page or text dump given as a string or bytes."""
        from warta.readers import raw_from_text
        from warta.readers.decode import decode

        warnings: tuple[str, ...] = ()
        if isinstance(content, bytes):
            content, warnings = decode(content, self.options.max_input_bytes)
        elif len(content.encode("utf-8", "surrogatepass")) > self.options.max_input_bytes:
            raise InputTooLargeError(
                f"input is over the {self.options.max_input_bytes:,}-byte limit (option max_input_bytes)"
            )
        if not content.strip():
            raise EmptyInputError("input is empty")
        raw = raw_from_text(content, warnings, url=url, published=published)
        if raw.format == "jsonl":  # one document given directly: a text that starts with "{"
            raw = dataclasses.replace(raw, format="text")
        article = Article(source=Source(format=raw.format, path=path, url=url), raw=raw)
        return self.run(article)


def check_article(article: Article, frozen_text: Article | None = None) -> None:
    """Raise SpanInvariantError unless every span points at its own text."""
    if frozen_text is not None and (
        frozen_text.title != article.title
        or frozen_text.body != article.body
        or frozen_text.captions != article.captions
    ):
        raise SpanInvariantError("title, body and captions must not change after extract")
    for span in article.spans():
        try:
            text = article.text_of(span.field)
        except (KeyError, IndexError, ValueError):
            raise SpanInvariantError(f"span points into unknown field {span.field!r}") from None
        if not 0 <= span.start < span.end <= len(text):
            raise SpanInvariantError(
                f"span {span.field}[{span.start}:{span.end}] is outside the text (length {len(text)})"
            )
        if not isinstance(span, Sentence) and text[span.start : span.end] != span.text:
            raise SpanInvariantError(
                f"span {span.field}[{span.start}:{span.end}] reads "
                f"{text[span.start:span.end]!r}, not {span.text!r}"
            )
