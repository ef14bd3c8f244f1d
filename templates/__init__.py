"""Built-in Jinja2 templates (installed as the package quizgen.templates)."""
