"""Brazilian tax ids: a CPF (a person, 11 digits) or a CNPJ (a company, 14 digits), with check digits."""

from __future__ import annotations

_CNPJ_FIRST = (5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)
_CNPJ_SECOND = (6, *_CNPJ_FIRST)


def _cnpj_digit(digits: str, weights: tuple[int, ...]) -> int:
    rest = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return 0 if rest < 2 else 11 - rest


def _cpf_digit(digits: str) -> int:
    weight = len(digits) + 1
    total = sum(int(d) * (weight - i) for i, d in enumerate(digits))
    return total * 10 % 11 % 10


def _valid_cpf(digits: str) -> bool:
    return (
        len(set(digits)) > 1
        and _cpf_digit(digits[:9]) == int(digits[9])
        and _cpf_digit(digits[:10]) == int(digits[10])
    )


def _valid_cnpj(digits: str) -> bool:
    return (
        len(set(digits)) > 1
        and _cnpj_digit(digits[:12], _CNPJ_FIRST) == int(digits[12])
        and _cnpj_digit(digits[:13], _CNPJ_SECOND) == int(digits[13])
    )


def tax_id(text: str) -> str | None:
    """A valid CPF or CNPJ as TiFlux stores it ("123.456.789-09", "12.345.678/0001-95"), from digits with
    or without the usual punctuation; None when it is neither (wrong length, wrong check digits)."""
    if any(char not in "0123456789.-/ " for char in text):
        return None
    digits = "".join(char for char in text if char.isdigit())
    if len(digits) == 11 and _valid_cpf(digits):
        return f"{digits[:3]}.{digits[3:6]}.{digits[6:9]}-{digits[9:]}"
    if len(digits) == 14 and _valid_cnpj(digits):
        return f"{digits[:2]}.{digits[2:5]}.{digits[5:8]}/{digits[8:12]}-{digits[12:]}"
    return None
