"""Concise Markdown renderings of domain results, pt-BR by default."""
