"""Client companies' registration (people.md §1, §6): one client with its desks, technical groups and custom
fields, creating and changing clients, and the desks and groups linked to each.

A client's own values live in the shared `clients` table (so `GET /clients` and the ticket routes see
them, `social_revenue` included); the links to desks and groups and the custom-field values are this area's
tables, by client id.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.field_values import FieldValues
from adapters.tiflux.fake.tenant.inputs import is_int
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, page
from adapters.tiflux.fake.tenant.moments import iso
from adapters.tiflux.fake.tenant.routes import Route

CLIENT = "/clients/{client_id:int}"
ADDRESSES = CLIENT + "/addresses"
ADDRESS = ADDRESSES + "/{address_id:int}"
CONTACTS = CLIENT + "/contacts"
CONTACT = CONTACTS + "/{contact_id:int}"
BILLING_REPORTS = ("detailed_with_appointment", "detailed", "synthetic", "")
_TEXTS = (
    "social_revenue",
    "email_financial",
    "sms_financial",
    "municipal_registration",
    "estadual_registration",
    "anotations",
)
_FLAGS = ("add_all_desks", "add_all_technical_groups", "status", "visible_to_clients", "authorization_flow")
_STORED = ("name", "social", *_TEXTS, "status", "max_agents", "visible_to_clients", "authorization_flow")
_KEYS = (*_STORED, "desk_ids", "add_all_desks", "technical_group_ids", "add_all_technical_groups")


_ADDRESS = re.compile(r"^[^@\s,;<>]*@[^@\s,;<>]+\.[^@\s,;<>]+$")


_ADDRESS_KEYS = ("street", "number", "complement", "neighborhood", "city", "state", "cep")
_CEP = re.compile(r"^[0-9]{5}-?[0-9]{3}$")


def _address_values(body: Mapping[str, Any], *, creating: bool) -> dict[str, Any]:
    """The `address` object of a body, else 422 for what TiFlux refuses."""
    values = body.get("address")
    if not isinstance(values, dict):
        raise validation_error("address is required")
    errors = []
    for key in ("cep", "city", "neighborhood", "number", "state", "street"):
        if creating and values.get(key) in (None, ""):
            errors.append(f"{key} can't be blank")
    for key in ("city", "neighborhood", "street", "state", "cep"):
        if not isinstance(values.get(key, ""), str):
            errors.append(f"{key} must be a text")
    if not isinstance(values.get("complement"), str | None):
        errors.append("complement must be a text")
    number = values.get("number")
    if "number" in values and (type(number) is not int or number < 0):
        errors.append("number must be a whole number")
    if isinstance(values.get("cep"), str) and not _CEP.match(values["cep"]):
        errors.append("cep is invalid")
    if isinstance(values.get("state"), str) and len(values["state"]) != 2:
        errors.append("state must be a UF")
    if not creating and not any(key in values for key in _ADDRESS_KEYS):
        errors.append("nothing to update")
    if errors:
        raise validation_error(*errors)
    return {key: values[key] for key in _ADDRESS_KEYS if key in values}


_CONTACT_KEYS = ("owner", "use", "telephone", "email", "country")


def _contact_values(body: Mapping[str, Any], *, creating: bool) -> dict[str, Any]:
    """The `contact` object of a body, its `number` stored as `telephone`, else 422."""
    values = body.get("contact")
    if not isinstance(values, dict):
        raise validation_error("contact is required")
    errors = []
    for key in ("use", "number", "owner", "email"):
        if (creating or key in values) and not (isinstance(values.get(key), str) and values[key].strip()):
            errors.append(f"{key} can't be blank")
    if not isinstance(values.get("country"), str | None):
        errors.append("country must be a text")
    number = values.get("number")
    if isinstance(number, str) and not re.fullmatch(r"[0-9]{8,15}", number):
        errors.append("number is not a valid phone number")
    given = {("telephone" if key == "number" else key): values[key] for key in values}
    if not creating and not any(key in given for key in _CONTACT_KEYS):
        errors.append("nothing to update")
    if errors:
        raise validation_error(*errors)
    return {key: given[key] for key in _CONTACT_KEYS if key in given}


def _int_keyed(table: Mapping[str, Any]) -> dict[int, Any]:
    return {int(key): value for key, value in table.items()}


class ClientsArea:
    """The routes on one client and what is linked to it."""

    def __init__(self, state: TenantState) -> None:
        self._state = state
        tables = state.tables
        for ident, details in _int_keyed(tables["client_details"]).items():
            state.clients[ident].update(details)
        self._desk_ids: dict[int, list[int]] = _int_keyed(tables["client_desk_ids"])
        self._group_ids: dict[int, list[int]] = _int_keyed(tables["client_group_ids"])
        self._groups: dict[int, Json] = {group["id"]: group for group in tables["client_groups"]}
        self._entities: dict[int, list[Json]] = _int_keyed(tables["client_entities"])
        self._permissions: list[Json] = list(tables["client_email_permissions"])
        self._addresses: dict[int, list[Json]] = _int_keyed(tables["client_addresses"])
        self._contacts: dict[int, list[Json]] = _int_keyed(tables["client_contacts"])

    # --- reading

    def get_client(self, client_id: int, *, show_entities: bool = False) -> Json:
        found = copy.deepcopy(self._client(client_id))
        found["desks"] = [
            {key: desk[key] for key in ("id", "name", "display_name")} for desk in self._desks(client_id)
        ]
        found["technical_groups"] = [
            {"id": group["id"], "name": group["name"]} for group in self._linked_groups(client_id)
        ]
        if show_entities:
            found["entities"] = copy.deepcopy(self._entities.get(client_id, []))
        return found

    def client_desks(self, client_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT) -> list[Json]:
        self._client(client_id)
        rows = [
            {key: desk[key] for key in ("id", "name", "display_name", "active")}
            for desk in self._desks(client_id)
        ]
        return page(rows, offset, limit)

    def client_technical_groups(
        self, client_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> list[Json]:
        self._client(client_id)
        return page(self._linked_groups(client_id), offset, limit)

    # --- writing

    def create_client(self, body: Mapping[str, Any]) -> Json:
        """A new client from a body that is not wrapped; name and social are required."""
        self._check(body, creating=True)
        state = self._state
        ident = max(state.clients) + 1
        now = iso(state.now())
        record: Json = {"id": ident, "name": "", "social": "", "status": True}
        record.update({key: None for key in _TEXTS})
        record.update(
            {"max_agents": None, "visible_to_clients": False, "authorization_flow": False}
            | {"billing_report_type": "", "created_at": now, "updated_at": now}
        )
        state.clients[ident] = record
        self._desk_ids[ident], self._group_ids[ident] = [], []
        self._apply(ident, body)
        return self.get_client(ident)

    def update_client(self, client_id: int, body: Mapping[str, Any]) -> Json:
        """The client merged with the body's values; a list of ids replaces the links."""
        self._client(client_id)
        self._check(body, creating=False)
        self._apply(client_id, body)
        self._state.clients[client_id]["updated_at"] = iso(self._state.now())
        return self.get_client(client_id)

    def _apply(self, client_id: int, body: Mapping[str, Any]) -> None:
        record = self._state.clients[client_id]
        record.update({key: body[key] for key in (*_STORED, "billing_report_type") if key in body})
        if body.get("add_all_desks"):
            self._desk_ids[client_id] = sorted(self._state.desks)
        elif "desk_ids" in body:
            self._desk_ids[client_id] = list(dict.fromkeys(body["desk_ids"]))
        if body.get("add_all_technical_groups"):
            self._group_ids[client_id] = sorted(self._groups)
        elif "technical_group_ids" in body:
            self._group_ids[client_id] = list(dict.fromkeys(body["technical_group_ids"]))

    def _check(self, body: Mapping[str, Any], *, creating: bool) -> None:
        """422 for what TiFlux refuses: no name or social, a value of the wrong type, an unknown desk."""
        errors = []
        for key in ("name", "social"):
            if (creating or key in body) and not (isinstance(body.get(key), str) and body[key].strip()):
                errors.append(f"{key} can't be blank")
        errors += [f"{key} must be a text" for key in _TEXTS if not isinstance(body.get(key, ""), str | None)]
        errors += [
            f"{key} must be true or false" for key in _FLAGS if not isinstance(body.get(key, True), bool)
        ]
        agents = body.get("max_agents")
        if agents is not None and (isinstance(agents, bool) or not isinstance(agents, int) or agents < 0):
            errors.append("max_agents must be a whole number, 0 or more")
        if body.get("billing_report_type", "") not in BILLING_REPORTS:
            errors.append(f"billing_report_type must be one of {', '.join(BILLING_REPORTS[:3])}")
        for key, known in (("desk_ids", self._state.desks), ("technical_group_ids", self._groups)):
            ids = body.get(key, [])
            if not isinstance(ids, list) or any(type(i) is not int or i not in known for i in ids):
                errors.append(f"{key} has an unknown id")
        if not creating and not any(key in body for key in (*_KEYS, "billing_report_type")):
            errors.append("nothing to update")
        if errors:
            raise validation_error(*errors)

    def update_client_entities(self, client_id: int, body: Mapping[str, Any]) -> Json:
        """Sets custom-field values of client entities only; checked whole before anything is stored."""
        self._client(client_id)
        items = body.get("entities")
        if not isinstance(items, list) or not items or not all(isinstance(item, dict) for item in items):
            raise validation_error("entities must be a non-empty list of objects")
        state = self._state
        definitions = {
            field["id"]: field
            for entity in state.entities.values()
            if entity.get("applied_in") == "client"
            for field in state.entity_fields.get(entity["id"], [])
        }
        by_field: dict[int, list[Mapping[str, Any]]] = {}
        for item in items:
            field_id = item.get("entity_field_id")
            if not is_int(field_id) or field_id not in definitions:
                raise validation_error(f"entity_field_id {field_id!r} is not a field of a client entity")
            by_field.setdefault(field_id, []).append(item)
        groups = copy.deepcopy(self._entities.get(client_id, []))
        touched: list[int] = []
        for field_id, given in by_field.items():
            definition = definitions[field_id]
            entity = state.entities[definition["entity_id"]]
            group = next((g for g in groups if g["id"] == entity["id"]), None)
            if group is None:
                group = {"id": entity["id"], "name": entity["name"], "entity_fields": []}
                groups.append(group)
            slot = next((f for f in group["entity_fields"] if f["entity_field_id"] == field_id), None)
            if slot is None:
                slot = {key: definition[key] for key in ("name", "field_type", "required")}
                slot = {"entity_field_id": field_id, **slot}
                group["entity_fields"].append(slot)
            FieldValues(state.field_options).assign(slot, definition, given)
            touched.append(entity["id"])
        self._entities[client_id] = groups
        return {"entities": copy.deepcopy([group for group in groups if group["id"] in touched])}

    def create_client_user(self, client_id: int, body: Mapping[str, Any]) -> Json:
        """A customer-portal login (a user of type client) from a body wrapped in `user`."""
        self._client(client_id)
        user = body.get("user")
        if not isinstance(user, dict):
            raise validation_error("user is required")
        errors = [
            f"{key} can't be blank"
            for key in ("name", "email")
            if not (isinstance(user.get(key), str) and user[key].strip())
        ]
        errors += [
            f"{key} must be a text"
            for key in ("extension", "telephone", "country_code")
            if not isinstance(user.get(key, ""), str | None)
        ]
        if not isinstance(user.get("authorization_flow", False), bool):
            errors.append("authorization_flow must be true or false")
        state = self._state
        email = str(user.get("email", "")).casefold()
        if any((known.get("email") or "").casefold() == email for known in state.users.values()):
            errors.append("email has already been taken")
        if errors:
            raise validation_error(*errors)
        ident = max(*state.users, *state.requestors) + 1
        created = {
            "id": ident,
            "name": user["name"],
            "email": user["email"],
            "_type": "client",
            "active": True,
            "gauth_enabled": False,
            "technical_group_id": None,
            "last_login_at": None,
            "client_id": client_id,
        }
        state.users[ident] = created
        extra = {key: user.get(key) for key in ("extension", "telephone", "country_code")}
        return {
            **{key: created[key] for key in ("id", "name", "email", "_type", "active")},
            **extra,
            "authorization_flow": user.get("authorization_flow", False),
            "client_ids": [client_id],
            "created_at": iso(state.now()),
        }

    def add_email_permission(self, client_id: int, body: Mapping[str, Any]) -> Json:
        """Lets an address or a whole `@domain` open tickets for the client; a repeat is a 422."""
        self._client(client_id)
        address = body.get("address")
        if not isinstance(address, str) or not _ADDRESS.match(address):
            raise validation_error("address must be an e-mail or an @domain")
        taken = [item for item in self._permissions if item["address"].casefold() == address.casefold()]
        if taken:
            raise validation_error("address has already been taken")
        permission = {
            "id": max((item["id"] for item in self._permissions), default=800) + 1,
            "address": address,
            "client_id": client_id,
            "created_at": iso(self._state.now()),
        }
        self._permissions.append(permission)
        return copy.deepcopy(permission)

    # --- addresses (people.md §1.9)

    def client_addresses(self, client_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT) -> list[Json]:
        self._client(client_id)
        return page(self._addresses.get(client_id, []), offset, limit)

    def get_client_address(self, client_id: int, address_id: int) -> Json:
        return copy.deepcopy(self._address(client_id, address_id))

    def create_client_address(self, client_id: int, body: Mapping[str, Any]) -> Json:
        """A new address from a body wrapped in `address`; every value but the complement required."""
        self._client(client_id)
        values = _address_values(body, creating=True)
        ident = max((a["id"] for items in self._addresses.values() for a in items), default=500) + 1
        address = {"id": ident, **{key: values.get(key) for key in _ADDRESS_KEYS}}
        self._addresses.setdefault(client_id, []).append(address)
        return copy.deepcopy(address)

    def update_client_address(self, client_id: int, address_id: int, body: Mapping[str, Any]) -> Json:
        address = self._address(client_id, address_id)
        address.update(_address_values(body, creating=False))
        return copy.deepcopy(address)

    def delete_client_address(self, client_id: int, address_id: int) -> None:
        address = self._address(client_id, address_id)
        self._addresses[client_id].remove(address)

    def _address(self, client_id: int, address_id: int) -> Json:
        self._client(client_id)
        for address in self._addresses.get(client_id, []):
            if address["id"] == address_id:
                return address
        raise self._state.not_found("Address")

    # --- contacts (people.md §1.10): the phone is sent as `number`, served as `telephone`

    def client_contacts(self, client_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT) -> list[Json]:
        self._client(client_id)
        return page(self._contacts.get(client_id, []), offset, limit)

    def get_client_contact(self, client_id: int, contact_id: int) -> Json:
        return copy.deepcopy(self._contact(client_id, contact_id))

    def create_client_contact(self, client_id: int, body: Mapping[str, Any]) -> Json:
        self._client(client_id)
        values = _contact_values(body, creating=True)
        ident = max((c["id"] for items in self._contacts.values() for c in items), default=700) + 1
        contact = {"id": ident, **{key: values.get(key) for key in _CONTACT_KEYS}}
        self._contacts.setdefault(client_id, []).append(contact)
        return copy.deepcopy(contact)

    def update_client_contact(self, client_id: int, contact_id: int, body: Mapping[str, Any]) -> Json:
        contact = self._contact(client_id, contact_id)
        contact.update(_contact_values(body, creating=False))
        return copy.deepcopy(contact)

    def delete_client_contact(self, client_id: int, contact_id: int) -> None:
        contact = self._contact(client_id, contact_id)
        self._contacts[client_id].remove(contact)

    def _contact(self, client_id: int, contact_id: int) -> Json:
        self._client(client_id)
        for contact in self._contacts.get(client_id, []):
            if contact["id"] == contact_id:
                return contact
        raise self._state.not_found("Contact")

    # --- lookups

    def _client(self, client_id: int) -> Json:
        if client_id not in self._state.clients:
            raise self._state.not_found("Client")
        return self._state.clients[client_id]

    def _desks(self, client_id: int) -> list[Json]:
        desks = self._state.desks
        return [desks[ident] for ident in self._desk_ids.get(client_id, []) if ident in desks]

    def _linked_groups(self, client_id: int) -> list[Json]:
        return [self._groups[ident] for ident in self._group_ids.get(client_id, []) if ident in self._groups]


ROUTES = (
    Route("GET", CLIENT, ClientsArea.get_client, {"show_entities": "boolean"}),
    Route("POST", "/clients", ClientsArea.create_client, body="json"),
    Route("PUT", CLIENT, ClientsArea.update_client, body="json"),
    Route("GET", CLIENT + "/desks", ClientsArea.client_desks, paged=True),
    Route("GET", CLIENT + "/technical-groups", ClientsArea.client_technical_groups, paged=True),
    Route("GET", ADDRESSES, ClientsArea.client_addresses, paged=True),
    Route("GET", ADDRESS, ClientsArea.get_client_address),
    Route("POST", ADDRESSES, ClientsArea.create_client_address, body="json"),
    Route("PUT", ADDRESS, ClientsArea.update_client_address, body="json"),
    Route("DELETE", ADDRESS, ClientsArea.delete_client_address),
    Route("GET", CONTACTS, ClientsArea.client_contacts, paged=True),
    Route("GET", CONTACT, ClientsArea.get_client_contact),
    Route("POST", CONTACTS, ClientsArea.create_client_contact, body="json"),
    Route("PUT", CONTACT, ClientsArea.update_client_contact, body="json"),
    Route("DELETE", CONTACT, ClientsArea.delete_client_contact),
    Route("PUT", CLIENT + "/entities", ClientsArea.update_client_entities, body="json"),
    Route("POST", CLIENT + "/users", ClientsArea.create_client_user, body="json"),
    Route("POST", CLIENT + "/email_tickets_permissions", ClientsArea.add_email_permission, body="json"),
)
