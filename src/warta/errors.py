"""Every error Warta raises, with a stable code.

Library code raises these and never prints or exits; the CLI and API turn them
into messages and exit codes. An error about one document (an ``InputError`` or
``ExtractionError``) fails only that document: the batch records it and goes on.

    WartaError                      code
    ├── InputError                  input.*       one document cannot be read
    │   ├── EmptyInputError         input.empty
    │   ├── BinaryInputError        input.binary
    │   ├── InputTooLargeError      input.too_large
    │   ├── EncodingError           input.encoding
    │   └── InvalidRecordError      input.invalid_record   (a bad JSONL line)
    ├── ExtractionError             extract.*     read, but no article in it
    │   └── NoArticleTextError      extract.no_text
    ├── PipelineError               pipeline.*    the pipeline itself is wrong
    │   ├── UnknownStageError       pipeline.unknown_stage
    │   ├── StageOrderError         pipeline.stage_order
    │   ├── MissingInputError       pipeline.missing_input
    │   ├── StageContractError      pipeline.stage_contract
    │   └── SpanInvariantError      pipeline.span_invariant
    ├── ResourceError               resource.*    a language data file is missing or invalid
    ├── ConfigError                 config.*
    └── StoreError                  store.*
"""

from __future__ import annotations


class WartaError(Exception):
    """Base of every Warta error; ``code`` is stable across versions."""

    code = "warta"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InputError(WartaError):
    code = "input"


class EmptyInputError(InputError):
    code = "input.empty"


class BinaryInputError(InputError):
    code = "input.binary"


class InputTooLargeError(InputError):
    code = "input.too_large"


class TimeLimitError(InputError):
    code = "input.time_limit"


class EncodingError(InputError):
    code = "input.encoding"


class InvalidRecordError(InputError):
    code = "input.invalid_record"


class ExtractionError(WartaError):
    code = "extract"


class NoArticleTextError(ExtractionError):
    code = "extract.no_text"


class PipelineError(WartaError):
    code = "pipeline"


class UnknownStageError(PipelineError):
    code = "pipeline.unknown_stage"


class StageOrderError(PipelineError):
    code = "pipeline.stage_order"


class MissingInputError(PipelineError):
    code = "pipeline.missing_input"


class StageContractError(PipelineError):
    code = "pipeline.stage_contract"


class SpanInvariantError(PipelineError):
    code = "pipeline.span_invariant"


class ResourceError(WartaError):
    code = "resource"


class ConfigError(WartaError):
    code = "config"


class StoreError(WartaError):
    code = "store"


DOCUMENT_ERRORS = (InputError, ExtractionError)
"""Errors that fail one document and let the batch go on."""
