from adapters.presenters.markdown.text import clean, defuse, html_to_text, inline, strip_tags


def test_html_becomes_readable_text() -> None:
    html = (
        "<p>Desde hoje a impressora <strong>não</strong> imprime.<br>Visor: ERRO 07.</p>\n"
        "<ul>\n<li>Reiniciada</li>\n<li>Cabo trocado</li>\n</ul>\n<p>A &amp; B &lt;ok&gt;</p>"
    )
    assert html_to_text(html) == (
        "Desde hoje a impressora não imprime.\nVisor: ERRO 07.\n\n- Reiniciada\n- Cabo trocado\n\nA & B <ok>"
    )


def test_scripts_styles_and_hidden_characters_are_dropped() -> None:
    html = "<style>p{}</style><script>alert(1)</script><p>o\u202ek\u200b!</p>"
    assert html_to_text(html) == "ok!"


def test_preformatted_text_keeps_its_lines() -> None:
    assert html_to_text("<pre>a\n  b</pre>") == "a\nb"


def test_inline_is_one_safe_line() -> None:
    assert inline("  a |\n b\t") == "a \\| b"
    assert inline("abcdef", limit=4) == "abc…"
    assert inline(None) == ""


def test_clean_keeps_newlines_and_tabs() -> None:
    assert clean("a\n\tb\x07\u2066c") == "a\n\tbc"


def test_the_fast_path_of_clean_never_lets_a_control_or_invisible_character_through() -> None:
    import unicodedata

    from adapters.presenters.markdown.text import _PLAIN

    leaked = [
        hex(code)
        for code in range(0x10000)
        if chr(code) not in "\n\t"
        and _PLAIN.fullmatch(chr(code))
        and unicodedata.category(chr(code)) in ("Cc", "Cf", "Co", "Cs")
    ]
    assert leaked == []


def test_malformed_html_reads_as_a_browser_shows_it() -> None:
    assert html_to_text("<p>x</p><![ x") == "x"  # html.parser raised here
    assert html_to_text("<p>a</p>&#" + "9" * 5000 + ";b") == "a\n\ufffdb"  # html.unescape raised here
    assert html_to_text("<p>a<a title='x>y'>b</a></p><p>c<a ") == "ab\n\nc"
    assert html_to_text("<p>a</p><!-- nota <p>b</p>") == "a"
    assert html_to_text("<p>a<iframe>b</iframe><noscript>c</noscript>d</p>") == "ad"


def test_unclosed_hidden_markup_stays_as_prose() -> None:
    assert strip_tags("<!--a<!--b-->c<!--d") == "c<!--d"
    assert strip_tags("<script>x</script>y<script>z") == "yz"  # the unclosed one: its tag only
    assert strip_tags("a<STYLE type=x>p{}</style >b<style") == "ab<style"


def test_backslashes_before_a_tag_are_doubled_and_a_lone_run_is_left_alone() -> None:
    assert defuse("\\\\<b> e \\<i>") == "\\\\\\\\\\<b> e \\\\\\<i>"
    assert defuse("\\" * 1000) == "\\" * 1000
