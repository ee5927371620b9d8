"""Rich text on hostile input: the worst 100 KB texts found for each path, timed one by one.

Three paths read text nobody vetted: the model's (or a caller's) Markdown converted to the HTML TiFlux stores
(`MarkdownToHtml.to_html`, which sanitises), the sanitiser alone (`sanitize_html`), and TiFlux's HTML read
back as plain text (`html_to_text`; `strip_tags` then `defuse`, as names and chat messages are shown;
`quote`, as bodies are). Each input is 100,000 characters; the figure is the
slowest input's median CPU time (`time.process_time`: the work itself, whatever else the machine runs)
per path. Target: every path ≤ 100 ms per 100 KB, with no exception.

`python -m benchmarks.richtext` prints every input's time, slowest first.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.table import runs

SIZE = 100_000
TARGET_MS = 100.0


def _repeat(unit: str, head: str = "", tail: str = "") -> str:
    body = unit * ((SIZE - len(head) - len(tail)) // len(unit) + 1)
    return (head + body)[: SIZE - len(tail)] + tail


# HTML as a caller or TiFlux may send it: unclosed and nested tags, markup declarations, attribute floods,
# entities, raw-text elements, stray end tags.
HOSTILE_HTML: dict[str, str] = {
    "<p> + '<a ' × n": _repeat("<a ", "<p>"),
    "'<a' × n": _repeat("<a"),
    "'<' × n": _repeat("<"),
    "'</' × n": _repeat("</"),
    "'</a' × n": _repeat("</a"),
    "'<![' × n": _repeat("<!["),
    "<p>x</p> + '<![ x' × n": _repeat("<![ x", "<p>x</p>"),
    "'<!--' × n": _repeat("<!--"),
    "'<!' × n": _repeat("<!"),
    "'<?' × n": _repeat("<?"),
    "'<div>' × n": _repeat("<div>"),
    "'<b>' × n": _repeat("<b>"),
    "'<ul><li>' × n": _repeat("<ul><li>"),
    "'<table><tr><td>' × n": _repeat("<table><tr><td>"),
    "'<p>' × n": _repeat("<p>"),
    "'</p>' × n": _repeat("</p>"),
    "'<object>' × 200 + '</x>' × n": _repeat("</x>", "<object>" * 200),
    "'<script>' × n": _repeat("<script>"),
    "'<style>' × n": _repeat("<style>"),
    "'<textarea>' × n": _repeat("<textarea>"),
    "'<svg>' × n": _repeat("<svg>"),
    "attribute flood": _repeat(" a", "<a", ">x</a>"),
    "attribute flood, valued": _repeat(' href="https://x.com/"', "<a", ">x</a>"),
    "unclosed quoted attribute": _repeat("x>", '<p>a<a title="'),
    "'<a href=x ' × n": _repeat("<a href=x "),
    "'&amp;' × n": _repeat("&amp;"),
    "'&' × n": _repeat("&"),
    "'&#' + digits": _repeat("9", "&#"),
    "'&#x' + hex digits": _repeat("f", "&#x"),
    "'&#9' × n": _repeat("&#9"),
    "'&lt' × n": _repeat("&lt"),
    "'<a href=\"&#' × n": _repeat('<a href="&#'),
    "control characters": _repeat("\x00\x01\x7f<p>"),
}

# Markdown: deep lists and quotes, backticks, brackets, emphasis runs, tables, autolinks, inline HTML.
HOSTILE_MARKDOWN: dict[str, str] = {
    "'> ' × n": _repeat("> ", tail="x"),
    "'- ' × n": _repeat("- ", tail="x"),
    "nested list lines": "".join("  " * depth + "- item\n" for depth in range(300))[:SIZE],
    "'1. ' × n": _repeat("1. ", tail="x"),
    "'`' × n": _repeat("`"),
    "'`a' × n": _repeat("`a"),
    "'``a`' × n": _repeat("``a`"),
    "backtick runs of growing length": "".join("`" * i + "a" for i in range(1, 450))[:SIZE],
    "'[' × n": _repeat("["),
    "'[a](' × n": _repeat("[a]("),
    "'![' × n": _repeat("!["),
    "'[' × n + '](y)' × n": "[" * (SIZE // 5) + "x" + "](y)" * (SIZE // 5),
    "'*a' × n": _repeat("*a"),
    "'**a' × n": _repeat("**a"),
    "'_a' × n": _repeat("_a"),
    "'~~a' × n": _repeat("~~a"),
    "'*' × n": _repeat("*"),
    "'a*' × n + '*a' × n": "a*" * (SIZE // 4) + "*a" * (SIZE // 4),
    "table, wide": "|" + "a|" * 3000 + "\n|" + "-|" * 3000 + "\n" + ("|" + "b|" * 3000 + "\n") * 4,
    "table, long": "| a | b |\n|---|---|\n" + _repeat("| 1 | 2 |\n")[: SIZE - 20],
    "'|' × n": _repeat("|"),
    "'http://' × n": _repeat("http://"),
    "'www.' × n": _repeat("www."),
    "'a@' × n": _repeat("a@"),
    "'a.' × n + '@'": _repeat("a.", tail="@"),
    "'https://x.com/(' × n": _repeat("https://x.com/("),
    "'<a' × n in Markdown": _repeat("x <a"),
    "'<b>x' × n in Markdown": _repeat("# t\n\n<b>x"),
    "'<p>' + Markdown": _repeat("- **a** `<b>` [l](https://x.com)\n", "<p>x</p>\n\n"),
    "'<' × n in Markdown": _repeat("a<"),
    "'\\' × n": _repeat("\\"),
    "'&#' × n in Markdown": _repeat("&#"),
    "'[a]: ' × n": _repeat("[a]: "),
    "'[x]: y\\n' × n + '[x]' × n": _repeat("[x]: y\n", tail="[x]" * 100),
    "'    ' × n": _repeat("    "),
    "'```' × n": _repeat("```\n"),
    "prose": _repeat(
        "## Diagnóstico\n\nO cliente relatou que a impressora parou; veja https://suporte.empresa.com.br "
        "ou escreva para ana@empresa.com.br. **ERRO 07** e `spooler`.\n- um\n- dois\n\n"
        "| Item | Status |\n|:--|--:|\n| Impressora | parada |\n\n```bash\nlpstat -t\n```\n\n"
    ),
}


@dataclass(frozen=True)
class Timing:
    path: str
    case: str
    ms: float  # median per 100 KB
    error: str = ""


@dataclass(frozen=True)
class RichTextFigures:
    timings: list[Timing]

    def worst(self, path: str) -> Timing:
        return max((t for t in self.timings if t.path == path), key=lambda t: t.ms)

    def cases(self, *paths: str) -> int:
        return len({t.case for t in self.timings if t.path in paths})

    def errors(self, *paths: str) -> list[Timing]:
        return [t for t in self.timings if t.error and t.path in paths]

    def passed(self, *paths: str) -> bool:
        return not self.errors(*paths) and all(self.worst(path).ms <= TARGET_MS for path in paths)


CONVERT = "Markdown → HTML"
SANITISE = "sanitise"
READ_BACK = ("html_to_text", "strip_tags", "quote")


def _paths() -> dict[str, tuple[Callable[[str], object], dict[str, str]]]:
    from adapters.presenters.markdown.text import defuse, html_to_text, quote, strip_tags
    from adapters.richtext.markdown_html import MarkdownToHtml
    from adapters.richtext.sanitize import sanitize_html

    converter = MarkdownToHtml()
    every = {**HOSTILE_HTML, **HOSTILE_MARKDOWN}
    return {
        CONVERT: (converter.to_html, every),
        SANITISE: (sanitize_html, HOSTILE_HTML),
        "html_to_text": (html_to_text.__wrapped__, HOSTILE_HTML),
        "strip_tags": (lambda text: defuse(strip_tags(text)), every),
        "quote": (quote, every),
    }


def measure(repeats: int | None = None) -> RichTextFigures:
    repeats = repeats or runs(3, 1)
    timings = []
    for path, (function, cases) in _paths().items():
        for case, text in cases.items():
            samples, error = [], ""
            for _ in range(repeats):
                began = time.process_time()
                try:
                    function(text)
                except Exception as exc:  # a crash is a finding, reported in the table
                    error = f"{type(exc).__name__}: {exc}"[:80]
                samples.append(time.process_time() - began)
            ms = statistics.median(samples) * 1000 * SIZE / max(len(text), 1)
            timings.append(Timing(path, case, ms, error))
    return RichTextFigures(timings)


def main() -> None:
    figures = measure()
    for timing in sorted(figures.timings, key=lambda t: -t.ms):
        print(f"{timing.ms:9.1f} ms  {timing.path:16}  {timing.case}  {timing.error}")


if __name__ == "__main__":
    main()
