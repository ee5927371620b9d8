import re

from adapters.i18n import Translator, en, pt_br


def test_both_languages_have_the_same_messages() -> None:
    assert set(pt_br.MESSAGES) == set(en.MESSAGES)


def test_both_languages_use_the_same_placeholders() -> None:
    for key, text in pt_br.MESSAGES.items():
        assert set(re.findall(r"{(\w+)}", text)) == set(re.findall(r"{(\w+)}", en.MESSAGES[key])), key


def test_english_is_available() -> None:
    assert Translator("en")("rule.missing") == "required field is missing"
    assert Translator()("rule.missing") == "campo obrigatório ausente"
