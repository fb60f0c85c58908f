"""Event coding: patterns, status words and PLOVER tables."""
