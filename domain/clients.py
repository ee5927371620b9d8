"""A client company's registration as the clients toolset reads and writes it: its data, the desks and
technical groups linked to it, and its custom fields. Names follow the API's fields (`anotations` and
`estadual_registration` are its spelling), so a tool's parameters, the answer and the request agree."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from enum import Enum

from domain.custom_fields import EntityValues
from domain.ids import ClientId, DeskId


class BillingReport(Enum):
    """How the client's billing closing report is detailed."""

    DETAILED_WITH_APPOINTMENT = "detailed_with_appointment"
    DETAILED = "detailed"
    SYNTHETIC = "synthetic"


@dataclass(frozen=True)
class LinkedDesk:
    """A desk that serves the client."""

    id: DeskId
    name: str | None = None
    display_name: str | None = None
    active: bool | None = None


@dataclass(frozen=True)
class LinkedGroup:
    """A technical group that serves the client."""

    id: int
    name: str | None = None
    description: str | None = None
    active: bool | None = None


@dataclass(frozen=True)
class ClientRecord:
    """One client's registration; what the API did not send is None (or empty)."""

    id: ClientId
    name: str
    social: str | None = None
    social_revenue: str | None = None  # CPF or CNPJ, as stored
    status: bool | None = None
    email_financial: str | None = None
    sms_financial: str | None = None
    municipal_registration: str | None = None
    estadual_registration: str | None = None
    max_agents: int | None = None
    anotations: str | None = None  # internal notes
    visible_to_clients: bool | None = None
    authorization_flow: bool | None = None
    billing_report_type: str | None = None
    desks: tuple[LinkedDesk, ...] = ()
    technical_groups: tuple[LinkedGroup, ...] = ()
    custom_fields: tuple[EntityValues, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class ClientData:
    """What to write on a client: a new one (name and social required) or the changes to one. None leaves a
    value as it is; `desk_ids` and `technical_group_ids` replace the whole list."""

    name: str | None = None
    social: str | None = None
    social_revenue: str | None = None
    desk_ids: tuple[DeskId, ...] | None = None
    add_all_desks: bool | None = None
    technical_group_ids: tuple[int, ...] | None = None
    add_all_technical_groups: bool | None = None
    status: bool | None = None
    max_agents: int | None = None
    email_financial: str | None = None
    sms_financial: str | None = None
    municipal_registration: str | None = None
    estadual_registration: str | None = None
    anotations: str | None = None
    visible_to_clients: bool | None = None
    authorization_flow: bool | None = None
    billing_report_type: BillingReport | None = None

    def given(self) -> tuple[str, ...]:
        """The names of the values given, in the order the API takes them."""
        return tuple(item.name for item in fields(self) if getattr(self, item.name) is not None)


@dataclass(frozen=True)
class ClientFilter:
    """What narrows the list of clients; `name` and `social_revenue` are the API's partial matches."""

    active: bool | None = None
    name: str | None = None
    social_revenue: str | None = None


@dataclass(frozen=True)
class NewPortalUser:
    """A customer-portal login to create for a client; optional values left out are not sent."""

    name: str
    email: str
    extension: str | None = None
    authorization_flow: bool | None = None
    telephone: str | None = None  # digits only
    country_code: str | None = None  # digits, e.g. "55"


@dataclass(frozen=True)
class PortalUser:
    """A customer-portal login as TiFlux answered its creation."""

    id: int | None
    name: str
    email: str | None = None


# Webmail domains: authorising one would let anyone with an address there open tickets for the client.
PUBLIC_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.com.br",
        "outlook.com",
        "outlook.com.br",
        "live.com",
        "msn.com",
        "yahoo.com",
        "yahoo.com.br",
        "icloud.com",
        "me.com",
        "aol.com",
        "bol.com.br",
        "uol.com.br",
        "terra.com.br",
        "ig.com.br",
        "protonmail.com",
        "proton.me",
    }
)


@dataclass(frozen=True)
class Address:
    """One address of a client; what the API did not send is None."""

    id: int
    street: str | None = None
    number: int | None = None
    complement: str | None = None
    neighborhood: str | None = None
    city: str | None = None
    state: str | None = None  # two-letter UF
    cep: str | None = None  # "89015-200"


@dataclass(frozen=True)
class AddressData:
    """An address to create (every value but `complement` required) or the values to change."""

    cep: str | None = None
    city: str | None = None
    neighborhood: str | None = None
    number: int | None = None
    state: str | None = None
    street: str | None = None
    complement: str | None = None

    def given(self) -> tuple[str, ...]:
        """The names of the values given, in the order the API takes them."""
        return tuple(item.name for item in fields(self) if getattr(self, item.name) is not None)


UFS = frozenset(
    [
        "AC",
        "AL",
        "AP",
        "AM",
        "BA",
        "CE",
        "DF",
        "ES",
        "GO",
        "MA",
        "MT",
        "MS",
        "MG",
        "PA",
        "PB",
        "PR",
        "PE",
        "PI",
        "RJ",
        "RN",
        "RS",
        "RO",
        "RR",
        "SC",
        "SP",
        "SE",
        "TO",
    ]
)


@dataclass(frozen=True)
class Contact:
    """One contact of a client: who answers (`owner`), what for (`use`), a phone and an e-mail."""

    id: int
    owner: str | None = None
    use: str | None = None
    telephone: str | None = None
    email: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class ContactData:
    """A contact to create (every value but `country` required) or the values to change."""

    use: str | None = None
    telephone: str | None = None  # digits only
    owner: str | None = None
    email: str | None = None
    country: str | None = None

    def given(self) -> tuple[str, ...]:
        """The names of the values given, in the order the API takes them."""
        return tuple(item.name for item in fields(self) if getattr(self, item.name) is not None)
