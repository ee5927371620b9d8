import re

from adapters.i18n import CATALOGUES, Translator

PT, EN = CATALOGUES["pt-BR"], CATALOGUES["en"]


def test_both_languages_have_the_same_messages() -> None:
    assert set(PT) == set(EN)


def test_both_languages_use_the_same_placeholders() -> None:
    for key, text in PT.items():
        assert set(re.findall(r"{(\w+)}", text)) == set(re.findall(r"{(\w+)}", EN[key])), key


def test_english_is_available() -> None:
    assert Translator("en")("rule.missing") == "required field is missing"
    assert Translator()("rule.missing") == "campo obrigatório ausente"
