"""How a record a name may designate is shown to a person: in lists of candidates, suggestions, choices
and "what each name became" — always with its ID, in the user's language."""

from __future__ import annotations

from adapters.i18n import Translator
from domain.agents import TechnicalGroup
from domain.custom_fields import EntityField, EntityFieldOption
from domain.desks import CatalogItem, Desk, Priority, ServicesCatalog, Stage
from domain.knowledge import KnowledgeFolder
from domain.people import Client, PersonRef, User
from domain.requestors import Department
from domain.valuation import ContractRider, TravelCharge


def label(record: object, t: Translator) -> str:
    """`Suporte (Suporte N1) · ID 14`, `Triagem · ID 3 · ordem 1`, `Mariana <m@x> · ID 7`, …"""
    match record:
        case Desk(name=name, display_name=display, id=ident):
            shown = f"{name} ({display})" if display and display != name else name
            return f"{shown} · ID {ident}"
        case User(name=name, email=email, id=ident):
            return f"{name} <{email}> · ID {ident}" if email else f"{name} · ID {ident}"
        case Client(name=name, legal_name=legal, id=ident):
            return f"{name} ({legal}) · ID {ident}" if legal else f"{name} · ID {ident}"
        case Stage(name=name, id=ident, order=order):
            return (
                f"{name} · ID {ident} · {t('label.order', order=order)}"
                if order is not None
                else f"{name} · ID {ident}"
            )
        case CatalogItem(name=name, id=ident, catalog=catalog, area=area):
            where = " / ".join(part.name for part in (catalog, area) if part)
            return f"{name} ({where}) · ID {ident}" if where else f"{name} · ID {ident}"
        case Priority(name=name, id=ident) | ServicesCatalog(name=name, id=ident):
            return f"{name} · ID {ident}"
        case Department(name=name, id=ident):
            return f"{name} · ID {ident}"
        case KnowledgeFolder(title=title, id=ident):
            return f"{title} · ID {ident}"
        case EntityField(name=name, id=ident, field_type=field_type):
            return f"{name} ({field_type}) · ID {ident}"
        case EntityFieldOption(value=value, id=ident):
            return f"{value} · ID {ident}"
        case (
            TechnicalGroup(name=name, id=ident)
            | TravelCharge(name=name, id=ident)
            | PersonRef(name=name, id=ident)
        ):
            return f"{name} · ID {ident}"
        case ContractRider(contract=contract, id=ident):  # the rider's ID is what an appointment takes
            return f"{contract.name if contract else '?'} · {t('label.rider')} {ident}"
    return str(record)
