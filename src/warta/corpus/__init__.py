"""Working over a corpus rather than one article: near-duplicate stories, exports."""
