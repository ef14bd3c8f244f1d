"""Tools that help a curator turn articles into a corpus: hashes, quotes, skeletons, imports.

They sit beside the pipeline, not in it: they read files with `quizgen.load`, check with
`quizgen.validate` and `quizgen.model`, and never import MkDocs or the generators.
"""
