"""MarkdownToHtml: the model's Markdown (or HTML) reaches TiFlux as safe, well-formed HTML."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser

import pytest

from adapters.richtext.markdown_html import MarkdownToHtml
from adapters.richtext.sanitize import ALLOWED_TAGS, sanitize_html

CONVERTER = MarkdownToHtml()
VOID_TAGS = {"br", "hr", "img", "col"}

MARKDOWN = [
    pytest.param("", "", id="empty"),
    pytest.param("  \n\t \n", "", id="whitespace-only"),
    pytest.param(
        "# Título\n## Subtítulo\n###### Seis",
        "<h1>Título</h1>\n<h2>Subtítulo</h2>\n<h6>Seis</h6>\n",
        id="headings",
    ),
    pytest.param(
        "**negrito**, *itálico*, _também_ e ***ambos***",
        "<p><strong>negrito</strong>, <em>itálico</em>, <em>também</em> e "
        "<em><strong>ambos</strong></em></p>\n",
        id="emphasis",
    ),
    pytest.param("Preço ~~R$ 100~~ R$ 80", "<p>Preço <s>R$ 100</s> R$ 80</p>\n", id="strikethrough"),
    pytest.param("linha 1\nlinha 2", "<p>linha 1<br>\nlinha 2</p>\n", id="single-newline-is-br"),
    pytest.param("linha 1\r\nlinha 2", "<p>linha 1<br>\nlinha 2</p>\n", id="crlf"),
    pytest.param("primeiro\n\nsegundo", "<p>primeiro</p>\n<p>segundo</p>\n", id="paragraphs"),
    pytest.param("- um\n- dois", "<ul>\n<li>um</li>\n<li>dois</li>\n</ul>\n", id="bullet-list"),
    pytest.param("1. um\n2. dois", "<ol>\n<li>um</li>\n<li>dois</li>\n</ol>\n", id="numbered-list"),
    pytest.param(
        "3. três\n4. quatro", '<ol start="3">\n<li>três</li>\n<li>quatro</li>\n</ol>\n', id="list-start"
    ),
    pytest.param(
        "- a\n  - a.1\n    1. a.1.i\n- b",
        "<ul>\n<li>a\n<ul>\n<li>a.1\n<ol>\n<li>a.1.i</li>\n</ol>\n</li>\n</ul>\n</li>\n<li>b</li>\n</ul>\n",
        id="nested-lists",
    ),
    pytest.param(
        "> citação\n> segue", "<blockquote>\n<p>citação<br>\nsegue</p>\n</blockquote>\n", id="blockquote"
    ),
    pytest.param("antes\n\n---\n\ndepois", "<p>antes</p>\n<hr>\n<p>depois</p>\n", id="rule"),
    pytest.param(
        "Use `<br>` e `a & b`",
        "<p>Use <code>&lt;br&gt;</code> e <code>a &amp; b</code></p>\n",
        id="inline-code-escapes-html",
    ),
    pytest.param(
        '```html\n<div class="x">oi</div>\n```',
        '<pre><code class="language-html">&lt;div class=&quot;x&quot;&gt;oi&lt;/div&gt;\n</code></pre>\n',
        id="fence-with-language",
    ),
    pytest.param(
        "```\nsudo systemctl restart cups\n```",
        "<pre><code>sudo systemctl restart cups\n</code></pre>\n",
        id="fence-without-language",
    ),
    pytest.param(
        "```C++\nint x;\n```", '<pre><code class="language-c++">int x;\n</code></pre>\n', id="fence-c++"
    ),
    pytest.param('```x"y\nz\n```', "<pre><code>z\n</code></pre>\n", id="fence-odd-language-loses-class"),
    pytest.param("    indentado <b>", "<pre><code>indentado &lt;b&gt;\n</code></pre>\n", id="indented-code"),
    pytest.param(
        "| Item | Qtd | Status |\n|:--|:-:|--:|\n| Impressora | 2 | ok |",
        "<table>\n<thead>\n<tr>\n"
        '<th align="left">Item</th>\n<th align="center">Qtd</th>\n<th align="right">Status</th>\n'
        "</tr>\n</thead>\n<tbody>\n<tr>\n"
        '<td align="left">Impressora</td>\n<td align="center">2</td>\n<td align="right">ok</td>\n'
        "</tr>\n</tbody>\n</table>\n",
        id="table-with-alignment",
    ),
    pytest.param(
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n",
        id="table-without-alignment",
    ),
    pytest.param(
        '[portal](https://tiflux.com/ajuda "Ajuda")',
        '<p><a href="https://tiflux.com/ajuda" title="Ajuda" rel="noopener noreferrer nofollow">'
        "portal</a></p>\n",
        id="link",
    ),
    pytest.param(
        "[manual](/docs/manual.pdf)",
        '<p><a href="/docs/manual.pdf" rel="noopener noreferrer nofollow">manual</a></p>\n',
        id="relative-link",
    ),
    pytest.param(
        "[fale conosco](mailto:ana@empresa.com.br)",
        '<p><a href="mailto:ana@empresa.com.br" rel="noopener noreferrer nofollow">fale conosco</a></p>\n',
        id="mailto-link",
    ),
    pytest.param(
        "![logo](https://cdn.empresa.com.br/logo.png)",
        '<p><img src="https://cdn.empresa.com.br/logo.png" alt="logo"></p>\n',
        id="image",
    ),
    pytest.param(
        "Veja https://suporte.empresa.com.br/kb?id=1&x=2.",
        '<p>Veja <a href="https://suporte.empresa.com.br/kb?id=1&amp;x=2" rel="noopener noreferrer nofollow">'
        "https://suporte.empresa.com.br/kb?id=1&amp;x=2</a>.</p>\n",
        id="bare-url",
    ),
    pytest.param(
        "Acesse www.empresa.com.br, por favor",
        '<p>Acesse <a href="https://www.empresa.com.br" rel="noopener noreferrer nofollow">'
        "www.empresa.com.br</a>, por favor</p>\n",
        id="bare-www",
    ),
    pytest.param(
        "(ver https://pt.wikipedia.org/wiki/Sapo_(desambiguação))",
        '<p>(ver <a href="https://pt.wikipedia.org/wiki/Sapo_(desambigua%C3%A7%C3%A3o)" '
        'rel="noopener noreferrer nofollow">'
        "https://pt.wikipedia.org/wiki/Sapo_(desambiguação)</a>)</p>\n",
        id="bare-url-in-parentheses",
    ),
    pytest.param(
        "Arquivo em ftp://arquivos.empresa.com.br/a.zip",
        '<p>Arquivo em <a href="ftp://arquivos.empresa.com.br/a.zip" rel="noopener noreferrer nofollow">'
        "ftp://arquivos.empresa.com.br/a.zip</a></p>\n",
        id="bare-ftp",
    ),
    pytest.param(
        "Escreva para ana@empresa.com.br.",
        '<p>Escreva para <a href="mailto:ana@empresa.com.br" rel="noopener noreferrer nofollow">'
        "ana@empresa.com.br</a>.</p>\n",
        id="bare-email",
    ),
    pytest.param(
        "`https://x.com` e `ana@empresa.com.br`",
        "<p><code>https://x.com</code> e <code>ana@empresa.com.br</code></p>\n",
        id="no-autolink-in-code-span",
    ),
    pytest.param(
        "```\ncurl https://api.tiflux.com\n```",
        "<pre><code>curl https://api.tiflux.com\n</code></pre>\n",
        id="no-autolink-in-fence",
    ),
    pytest.param(
        "[https://a.com](https://b.com)",
        '<p><a href="https://b.com" rel="noopener noreferrer nofollow">https://a.com</a></p>\n',
        id="no-autolink-in-link",
    ),
    pytest.param(
        "<https://x.com> e <ana@empresa.com.br>",
        '<p><a href="https://x.com" rel="noopener noreferrer nofollow">https://x.com</a> e '
        '<a href="mailto:ana@empresa.com.br" rel="noopener noreferrer nofollow">ana@empresa.com.br</a></p>\n',
        id="commonmark-autolinks",
    ),
    pytest.param("http:// e www.x e a@b", "<p>http:// e www.x e a@b</p>\n", id="not-links"),
    pytest.param("WWW.. e http://..", "<p>WWW.. e http://..</p>\n", id="not-links-once-the-dots-go"),
    pytest.param(
        "Atenção: instalação concluída",
        "<p>Atenção: instalação concluída</p>\n",
        id="accents",
    ),
    pytest.param("Pronto 🎉👍🏽", "<p>Pronto 🎉👍🏽</p>\n", id="emoji"),
    pytest.param('2 < 3 & "ok" > 1', "<p>2 &lt; 3 &amp; &quot;ok&quot; &gt; 1</p>\n", id="text-escaped"),
    pytest.param(
        "texto <foo>bar</foo>", "<p>texto &lt;foo&gt;bar&lt;/foo&gt;</p>\n", id="raw-unknown-tag-escaped"
    ),
]

PASS_THROUGH = [
    pytest.param("<p>Olá <strong>Ana</strong></p>", "<p>Olá <strong>Ana</strong></p>", id="kept"),
    pytest.param("Linha 1<br>Linha 2<br/>Linha 3", "Linha 1<br>Linha 2<br>Linha 3", id="br"),
    pytest.param("<P>Maiúsculas</P>", "<p>Maiúsculas</p>", id="uppercase-tags"),
    pytest.param("<p>**não** é _markdown_</p>", "<p>**não** é _markdown_</p>", id="not-rendered-as-markdown"),
    pytest.param("<ul><li>a<li>b</ul>", "<ul><li>a</li><li>b</li></ul>", id="implied-end-tags"),
    pytest.param("<p>aberto <b>sem fim", "<p>aberto <b>sem fim</b></p>", id="unclosed-closed"),
    pytest.param("<p>a</p></div></b>", "<p>a</p>", id="stray-end-tags-dropped"),
    pytest.param("<p>a<div>b</div>", "<p>a</p><div>b</div>", id="block-ends-paragraph"),
    pytest.param('<p><font color="red">vermelho</font></p>', "<p>vermelho</p>", id="unknown-tag-text-kept"),
    pytest.param("<!DOCTYPE html><!-- nota --><p>a</p><?php echo 1 ?>", "<p>a</p>", id="comments-doctype-pi"),
    pytest.param(
        "<p>&lt;b&gt; &amp; &quot;x&quot; &eacute; &#233; it's</p>",
        "<p>&lt;b&gt; &amp; &quot;x&quot; é é it's</p>",
        id="entities",
    ),
    pytest.param(
        '<table><tr><td colspan="2" align="Center" width="9">a</td>'
        '<td rowspan="x" align="middle">b</td></tr></table>',
        '<table><tr><td colspan="2" align="center">a</td><td>b</td></tr></table>',
        id="table-attributes",
    ),
    pytest.param(
        '<img src="https://x.com/a.png" alt="a" width="10" height="50%" class="c">',
        '<img src="https://x.com/a.png" alt="a" width="10" height="50%">',
        id="image-attributes",
    ),
    pytest.param(
        '<pre><code class="language-Python hljs">x</code></pre>',
        '<pre><code class="language-python">x</code></pre>',
        id="code-language-class",
    ),
    pytest.param(
        '<a href="https://x.com" target="_blank" rel="opener">x</a>',
        '<a href="https://x.com" rel="noopener noreferrer nofollow">x</a>',
        id="rel-set-target-dropped",
    ),
    pytest.param(
        '<a href="https://ok.com" href="javascript:alert(1)">x</a>',
        '<a href="https://ok.com" rel="noopener noreferrer nofollow">x</a>',
        id="first-duplicate-attribute-wins",
    ),
    pytest.param(
        "<table><tr><td>a<td>b<tr><td>c</table>",
        "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
        id="table-implied-ends",
    ),
    pytest.param(
        "<ol start=\"-2\"><li>x</li></ol><ol start='a'></ol>",
        '<ol start="-2"><li>x</li></ol><ol></ol>',
        id="ol",
    ),
    pytest.param(
        "<p>Sub<sub>2</sub> <mark>m</mark> <del>d</del> <ins>i</ins> <small>s</small> <u>u</u></p>",
        "<p>Sub<sub>2</sub> <mark>m</mark> <del>d</del> <ins>i</ins> <small>s</small> <u>u</u></p>",
        id="inline-tags",
    ),
]

# One HTML tag no longer switches Markdown off for the whole text, and code spans stay code.
MIXED = [
    pytest.param(
        "Use `<br>` em <b>HTML</b>",
        "<p>Use <code>&lt;br&gt;</code> em <b>HTML</b></p>\n",
        id="code-span-beside-html",
    ),
    pytest.param(
        "Use `<script>` aqui e <b>aqui</b>",
        "<p>Use <code>&lt;script&gt;</code> aqui e <b>aqui</b></p>\n",
        id="script-code-span-kept",
    ),
    pytest.param(
        "# Título\n\nTexto com <b>negrito</b>\n\n- item",
        "<h1>Título</h1>\n<p>Texto com <b>negrito</b></p>\n<ul>\n<li>item</li>\n</ul>\n",
        id="markdown-around-inline-html",
    ),
    pytest.param(
        "<p>oi</p>\n\n**negrito**",
        "<p>oi</p>\n<p><strong>negrito</strong></p>\n",
        id="html-block-then-markdown",
    ),
    pytest.param("linha <b>1</b>\nlinha 2", "<p>linha <b>1</b><br>\nlinha 2</p>\n", id="newline-beside-html"),
    pytest.param(
        "texto <foo> e **x**", "<p>texto &lt;foo&gt; e <strong>x</strong></p>\n", id="unknown-tag-shown"
    ),
    pytest.param(
        '<a href="https://x.com">https://x.com</a> e **x**',
        '<p><a href="https://x.com" rel="noopener noreferrer nofollow">https://x.com</a> e '
        "<strong>x</strong></p>\n",
        id="no-autolink-inside-html-link",
    ),
    pytest.param(
        "<div><!-- x\n\n# Título",
        "<div>&lt;!-- x\n<h1>Título</h1>\n</div>",
        id="unfinished-html-block-contained",
    ),
    pytest.param("<p>x</p><![ x", "<p>x</p>&lt;![ x", id="unfinished-markup-shown-not-lost"),
    pytest.param(
        "<div><!-- x\n\n<p>b</p>", "<div>&lt;!-- x\n<p>b</p></div>", id="unfinished-comment-swallows-nothing"
    ),
    pytest.param(
        "<p><style>\n\n# Título\n\nfim",
        "<p>&lt;style&gt;\n</p><h1>Título</h1>\n<p>fim</p>\n",
        id="unfinished-raw-text",
    ),
    pytest.param(
        "```html\n<b>x</b>\n```\n\n<b>y</b> e `<i>`",
        '<pre><code class="language-html">&lt;b&gt;x&lt;/b&gt;\n</code></pre>\n'
        "<p><b>y</b> e <code>&lt;i&gt;</code></p>\n",
        id="fence-beside-html",
    ),
]

HOSTILE = [
    pytest.param(
        "<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n", id="script-in-markdown"
    ),
    pytest.param("<p>oi</p><script>alert(1)</script>", "<p>oi</p>", id="script-in-html"),
    pytest.param("<p>oi<SCRIPT src=//x.js></SCRIPT></p>", "<p>oi</p>", id="script-uppercase"),
    pytest.param("<img src=x onerror=alert(1)>", "<img>", id="img-onerror"),
    pytest.param(
        "[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>\n", id="markdown-javascript-link"
    ),
    pytest.param("[x](JaVaScRiPt:alert(1))", "<p>[x](JaVaScRiPt:alert(1))</p>\n", id="markdown-mixed-case"),
    pytest.param("[x](jav&#x09;ascript:alert(1))", "<p><a>x</a></p>\n", id="markdown-entity-tab"),
    pytest.param("[x](vbscript:msgbox(1))", "<p>[x](vbscript:msgbox(1))</p>\n", id="markdown-vbscript"),
    pytest.param(
        "![i](javascript:alert(1))", "<p>![i](javascript:alert(1))</p>\n", id="markdown-image-script"
    ),
    pytest.param("<javascript:alert(1)>", "<p>&lt;javascript:alert(1)&gt;</p>\n", id="autolink-script"),
    pytest.param(
        "[**x**][r]\n\n[r]: javascript:alert(1)", "<p>[x][r]</p>\n", id="reference-to-script-shown-as-text"
    ),
    pytest.param("![i](data:image/png;base64,AAAA)", '<p><img alt="i"></p>\n', id="markdown-data-image"),
    pytest.param('<a href="javascript:alert(1)">x</a>', "<a>x</a>", id="html-javascript-link"),
    pytest.param('<a href="JaVa&#x0A;Script&colon;alert(1)">x</a>', "<a>x</a>", id="html-entities-in-scheme"),
    pytest.param('<a href="  \tjavascript:alert(1)">x</a>', "<a>x</a>", id="html-leading-whitespace"),
    pytest.param('<a href="java%0ascript:alert(1)">x</a>', "<a>x</a>", id="html-percent-encoded"),
    pytest.param('<a href="vbscript:msgbox(1)">x</a>', "<a>x</a>", id="html-vbscript"),
    pytest.param('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "<a>x</a>", id="html-data-link"),
    pytest.param('<img src="data:image/png;base64,AAAA" alt="i">', '<img alt="i">', id="html-data-image"),
    pytest.param('<img src="ftp://x.com/a.png">', "<img>", id="image-ftp"),
    pytest.param('<p>a<iframe src="https://evil.example/">b</iframe>c</p>', "<p>ac</p>", id="iframe"),
    pytest.param("<p>x<svg onload=alert(1)><script>alert(1)</script></svg>y</p>", "<p>xy</p>", id="svg"),
    pytest.param("<p>x<svg/>y</p>", "<p>xy</p>", id="svg-self-closing"),
    pytest.param('<p style="color:red" onclick="alert(1)">t</p>', "<p>t</p>", id="style-and-onclick"),
    pytest.param(
        '<span style="background:url(javascript:alert(1))">t</span>', "<span>t</span>", id="style-url"
    ),
    pytest.param("<p><form action=x><input value=y><button>z</button></form>ok</p>", "<p>ok</p>", id="form"),
    pytest.param("<p><object data=x>fallback</object><embed src=x>fim</p>", "<p>fim</p>", id="object-embed"),
    pytest.param("<style>p{color:red}</style><p>a</p>", "<p>a</p>", id="style-element"),
    pytest.param("<p><math><mi>x</mi></math>a</p>", "<p>a</p>", id="math"),
    pytest.param(
        "<p><meta http-equiv=refresh content=0><link rel=stylesheet href=x><base href=//evil>a</p>",
        "<p>a</p>",
        id="meta-link-base",
    ),
    pytest.param(
        '<a title=\'"><script>alert(1)</script>\' href="/a">x</a>',
        '<a title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" href="/a"'
        ' rel="noopener noreferrer nofollow">x</a>',
        id="attribute-breakout",
    ),
    pytest.param(
        '[x](https://x.com "a\\" onmouseover=\\"alert(1)")',
        '<p><a href="https://x.com" title="a&quot; onmouseover=&quot;alert(1)" '
        'rel="noopener noreferrer nofollow">x</a></p>\n',
        id="markdown-title-breakout",
    ),
]


# Images load only from absolute http(s) URLs (a relative one makes every reader's browser call TiFlux
# itself); links never name another host without a scheme (`//host`, `\\host`, any mix of the slashes).
URLS = [
    pytest.param('<img src="/logout">', "<img>", id="image-relative-path"),
    pytest.param('<img src="logout?all=1" alt="a">', '<img alt="a">', id="image-relative"),
    pytest.param('<img src="//evil.example/p.png">', "<img>", id="image-network-path"),
    pytest.param("![p](/logout)", '<p><img alt="p"></p>\n', id="markdown-image-relative"),
    pytest.param(
        '<img src="HTTPS://cdn.x.com/a.png">', '<img src="HTTPS://cdn.x.com/a.png">', id="image-absolute-kept"
    ),
    pytest.param('<a href="//evil.example/">x</a>', "<a>x</a>", id="link-network-path"),
    pytest.param('<a href="\\\\evil.example\\share">x</a>', "<a>x</a>", id="link-unc-path"),
    pytest.param('<a href="/\\evil.example">x</a>', "<a>x</a>", id="link-slash-backslash"),
    pytest.param('<a href="\t/\n/evil.example">x</a>', "<a>x</a>", id="link-network-path-split"),
    pytest.param('<a href="%2F%2Fevil.example">x</a>', "<a>x</a>", id="link-network-path-encoded"),
    pytest.param("[x](//evil.example)", "<p><a>x</a></p>\n", id="markdown-link-network-path"),
    pytest.param('<a href="">x</a><a href>y</a>', "<a>x</a><a>y</a>", id="link-empty"),
    pytest.param(
        '<a href="?page=2#fim">x</a>',
        '<a href="?page=2#fim" rel="noopener noreferrer nofollow">x</a>',
        id="link-relative-query-kept",
    ),
    pytest.param(
        '<a href="https://x.com/?a=1&copy=2&amp;b">x</a>',
        '<a href="https://x.com/?a=1&amp;copy=2&amp;b" rel="noopener noreferrer nofollow">x</a>',
        id="link-legacy-entity-not-decoded-in-url",
    ),
]

# What used to crash or take minutes in the standard library's parser.
MALFORMED = [
    pytest.param("<p>x</p><![ x", "<p>x</p>", id="cdata-like-at-end"),
    pytest.param("<p>x</p><![CDATA[<script>alert(1)</script>]]>y", "<p>x</p>alert(1)]]&gt;y", id="cdata"),
    pytest.param("<p>" + "<a " * 2000, "<p></p>", id="unclosed-tags"),
    pytest.param('<p>a<a title="x>y', "<p>a</p>", id="unclosed-quoted-value"),
    pytest.param("<p>a</p><!-- x <p>b</p>", "<p>a</p>", id="unclosed-comment"),
    pytest.param("<p>a</p><!--><p>b</p><!---><p>c</p>", "<p>a</p><p>b</p><p>c</p>", id="abrupt-comments"),
    pytest.param("<p>a</p>&#" + "9" * 5000 + ";", "<p>a</p>\ufffd", id="huge-character-reference"),
    pytest.param(
        "<p>&#x110000;&#0;&#xD800;&#150;&#65</p>", "<p>\ufffd\ufffd\ufffd\u2013A</p>", id="odd-references"
    ),
    pytest.param(
        '<p title="\ud800">a\ud800\x00b&#xD800;</p><a href="/\udfffx">c</a>',
        '<p>ab\ufffd</p><a href="/x" rel="noopener noreferrer nofollow">c</a>',
        id="lone-surrogates-and-controls",
    ),
    pytest.param("<p>a < b <3 </ > </</p>", "<p>a &lt; b &lt;3  </p>", id="lone-less-than"),
    pytest.param("<p>a</p></", "<p>a</p>&lt;/", id="end-tag-opener-at-end"),
    pytest.param("<xmp><b>x</b></xmp><b>y</b>", "&lt;b&gt;x&lt;/b&gt;<b>y</b>", id="raw-text-xmp"),
    pytest.param("<p>a<style>x</style >b<plaintext><b>c", "<p>ab&lt;b&gt;c</p>", id="raw-text-ends"),
]


@pytest.mark.parametrize(("text", "html"), URLS)
def test_urls_that_reach_other_hosts_or_tiflux_itself_are_dropped(text: str, html: str) -> None:
    assert CONVERTER.to_html(text) == html


@pytest.mark.parametrize(("text", "html"), MALFORMED)
def test_malformed_html_is_read_as_a_browser_reads_it(text: str, html: str) -> None:
    assert sanitize_html(text) == html


@pytest.mark.parametrize(("text", "html"), MARKDOWN)
def test_markdown_is_rendered(text: str, html: str) -> None:
    assert CONVERTER.to_html(text) == html


@pytest.mark.parametrize(("text", "html"), PASS_THROUGH)
def test_html_passes_through_sanitised(text: str, html: str) -> None:
    assert CONVERTER.to_html(text) == html


@pytest.mark.parametrize(("text", "html"), MIXED)
def test_html_within_markdown_leaves_the_markdown_on(text: str, html: str) -> None:
    assert CONVERTER.to_html(text) == html


@pytest.mark.parametrize(("text", "html"), HOSTILE)
def test_hostile_input_is_neutralised(text: str, html: str) -> None:
    assert CONVERTER.to_html(text) == html


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("".join("  " * depth + "- item\n" for depth in range(300)), id="nested-lists"),
        pytest.param("> " * 5000 + "citação", id="nested-quotes"),
        pytest.param("<div>" * 5000 + "fundo" + "</div>" * 5000, id="nested-divs"),
        pytest.param("<ul><li>" * 3000 + "fundo", id="nested-html-lists"),
        pytest.param("[" * 5000 + "x" + "](y)" * 5000, id="nested-brackets"),
    ],
)
def test_deep_nesting_does_not_crash(text: str) -> None:
    html = CONVERTER.to_html(text)
    assert html
    assert_well_formed(html)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param(
            "".join("  " * depth + f"- item {depth}\n" for depth in range(60)), "item 59", id="lists"
        ),
        pytest.param("> " * 500 + "citação funda", "citação funda", id="quotes"),
        pytest.param("1. " * 2000 + "último", "último", id="numbered"),
    ],
)
def test_deep_nesting_keeps_every_word(text: str, kept: str) -> None:
    """Past a depth a reader can follow, lists and quotes add no more tags, but no text is dropped."""
    html = CONVERTER.to_html(text)
    assert kept in html
    assert html.count("<ul>") + html.count("<ol>") + html.count("<blockquote>") <= 24
    if "item" in text:
        assert all(f"item {depth}<" in html or f"item {depth}\n" in html for depth in range(60))


def test_a_200_kb_ticket_is_converted_whole() -> None:
    """Its speed is measured by `make bench`, not here: a timed test fails on a busy machine."""
    section = (
        "## Diagnóstico\n\nO cliente relatou que a impressora do financeiro parou de imprimir desde ontem, "
        "mesmo após reiniciar o equipamento e trocar o cabo de rede. O visor mostra **ERRO 07** e o spooler "
        "fica travado; veja https://suporte.empresa.com.br/kb/123 ou escreva para ana@empresa.com.br.\n"
        "Nenhum outro usuário foi afetado, e a fila de impressão foi limpa duas vezes sem sucesso.\n\n"
        "- Reiniciado o serviço `spooler`\n- Driver reinstalado (versão 5.2)\n\n"
        "| Item | Status |\n|:--|--:|\n| Impressora | parada |\n\n```bash\nlpstat -t\n```\n\n"
    )
    text = section * (200_000 // len(section) + 1)
    html = CONVERTER.to_html(text)
    assert html.count("<h2>") == text.count("## ")
    assert html.count("<table>") == text.count("| Item |")


def test_output_is_deterministic() -> None:
    text = "# A\n\nb https://x.com c@d.com.br\n\n| x |\n|:-:|\n| y |"
    assert CONVERTER.to_html(text) == CONVERTER.to_html(text) == MarkdownToHtml().to_html(text)


HOSTILE_ALPHABET = [
    *"<>\"'&=/:; \n\t",
    *"abipxsrc",
    "script",
    "javascript:",
    "JaVaScRiPt:",
    "on",
    "onerror",
    "onload",
    "<a ",
    '<a href="',
    "<img ",
    "<img src=",
    '" ',
    " onclick=",
    "alert(1)",
    "<p>",
    "</p>",
    "<br>",
    "<iframe",
    "<svg",
    "href=",
    "src=",
    "style=",
    "&#x09;",
    "&#58;",
    "&colon;",
    "[x](",
    ")",
    "`",
    "<!--",
    "-->",
    "data:",
]


def test_random_hostile_strings_never_yield_active_content() -> None:
    rng = random.Random(20240601)
    for _ in range(400):
        text = "".join(rng.choice(HOSTILE_ALPHABET) for _ in range(rng.randint(1, 40)))
        html = CONVERTER.to_html(text)
        lowered = html.lower()
        assert "<script" not in lowered and "<iframe" not in lowered, text
        for tag in re.findall(r"<[^>]*>", lowered):
            assert "javascript:" not in tag, text
            assert not re.search(r"\son[a-z]+\s*=", tag), text
        assert_well_formed(html)


def assert_well_formed(html: str) -> None:
    """Only allowed tags, every element closed in order, no end tag without its start."""
    checker = _NestingChecker()
    checker.feed(html)
    checker.close()
    assert checker.open == [], html[-200:]


class _NestingChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in ALLOWED_TAGS, tag
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise AssertionError(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (tag, self.open[-5:])
        self.open.pop()

    def handle_comment(self, data: str) -> None:
        raise AssertionError(f"comment {data!r}")
