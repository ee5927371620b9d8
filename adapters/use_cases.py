"""The use cases, as providers fed by one TiFlux account's gateway (dependency-injector's `use-cases` shape).

`UseCases` is declared here and instantiated per credential by `UseCasesFor`, which keeps the last few
accounts' containers: building one copies every provider (a few milliseconds), so a call reuses it. A
tool spec names its provider (`UseCases.show_desk`); `UseCasesFor.build` makes the use case for one call,
with that call's `Resolutions` (what its names became so far).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from importlib import import_module
from typing import Any, TypeVar

from dependency_injector import containers, providers

from application.ports.attachments import AttachmentsPort
from application.ports.gateway import TifluxGateway
from application.ports.rich_text import RichTextPort
from application.resolvers import References, Resolutions
from application.use_cases.agents import CreateAgent, ShowAgent, UpdateAgent
from application.use_cases.answers import AnswerTicket
from application.use_cases.chats import ListChats, ShowChat
from application.use_cases.conversations import (
    ArchiveChat,
    ListChatMessages,
    ListTemplates,
    SendMessage,
    UpdateChat,
)
from application.use_cases.create_ticket import CreateTicket, TicketDefaults
from application.use_cases.custom_field_values import UpdateTicketFields
from application.use_cases.custom_fields import ListEntities, ListEntityFieldOptions, ListEntityFields
from application.use_cases.desk_details import ListDeskCatalogs, ListDeskPriorities, ShowDesk
from application.use_cases.desks import ListDesks
from application.use_cases.finish_ticket import FinishTicket
from application.use_cases.knowledge import (
    CreateKnowledge,
    ListKnowledgeFolders,
    ListKnowledges,
    ShowKnowledge,
)
from application.use_cases.lookups import ListStages, SearchCatalogItems, SearchClients, SearchUsers
from application.use_cases.record_changes import DeleteNote, EditNote
from application.use_cases.records import (
    AddAppointment,
    AddNote,
    ListAppointments,
    ListNotes,
    ListTicketFiles,
    ReadNote,
    ShowStageHistory,
)
from application.use_cases.requestor_fields import UpdateRequestorFields
from application.use_cases.requestors import (
    CreateRequestor,
    ListDepartments,
    ListRequestors,
    SearchRequestors,
    SearchTechnicalUsers,
    ShowRequestor,
    UpdateRequestor,
)
from application.use_cases.ticket_activity import (
    DeleteTicketAnswer,
    ListTicketAnswers,
    ListTicketChecklists,
    ReadTicketAnswer,
    ReopenTicket,
    ShowTicketHistory,
    UpdateChecklistItem,
)
from application.use_cases.ticket_files import DeleteAnswerFile, DeleteTicketFile, UploadTicketFiles
from application.use_cases.ticket_valuation import ListServiceTypes, ListTravelCharges
from application.use_cases.tickets import GetTicket, ListTickets
from application.use_cases.time_entries import (
    ListOrgAppointments,
    ListPreAppointments,
    ReportAppointments,
)
from application.use_cases.update_ticket import UpdateTicket

UC = TypeVar("UC")


def on_first_use(path: str) -> Callable[..., Any]:
    """The use case class at `module:Class`, imported when a call first needs it: an opt-in area's use
    cases (and the domain and ports they bring) cost nothing at start while its toolset is off."""

    def build(**dependencies: Any) -> Any:
        module, name = path.split(":")
        return getattr(import_module(module), name)(**dependencies)

    return build


MAX_ACCOUNTS_KEPT = 32
CATALOGS = "application.use_cases.catalogs"  # the opt-in catalogs area's use cases (issue 21)
CLIENTS = "application.use_cases.clients"  # the opt-in clients area's use cases (issue 19)
PLACES = "application.use_cases.client_places"  # a client's addresses and contacts (issue 19)


class UseCases(containers.DeclarativeContainer):
    """Every use case, over one account's ports and the process-wide services."""

    gateway = providers.Dependency(instance_of=object)  # a TifluxGateway (a Protocol: not checkable)
    rich_text = providers.Dependency(instance_of=object)
    attachments = providers.Dependency(instance_of=object)
    ticket_defaults = providers.Dependency(instance_of=TicketDefaults)

    tickets = gateway.provided.tickets
    desks = gateway.provided.desks
    people = gateway.provided.people
    references = providers.Factory(References, gateway=gateway)

    get_ticket = providers.Factory(GetTicket, tickets=tickets)
    list_tickets = providers.Factory(ListTickets, tickets=tickets, references=references)
    create_ticket = providers.Factory(
        CreateTicket, tickets=tickets, references=references, rich_text=rich_text, defaults=ticket_defaults
    )
    update_ticket = providers.Factory(
        UpdateTicket, tickets=tickets, references=references, rich_text=rich_text
    )
    finish_ticket = providers.Factory(FinishTicket, tickets=tickets)
    answer_ticket = providers.Factory(
        AnswerTicket, tickets=tickets, rich_text=rich_text, attachments=attachments
    )
    update_ticket_fields = providers.Factory(UpdateTicketFields, tickets=tickets)

    search_clients = providers.Factory(SearchClients, people=people)
    search_users = providers.Factory(SearchUsers, people=people, groups=gateway.provided.technical_groups)
    list_stages = providers.Factory(ListStages, desks=desks, references=references)
    search_catalog_items = providers.Factory(SearchCatalogItems, desks=desks, references=references)

    list_desks = providers.Factory(ListDesks, desks=desks)
    show_desk = providers.Factory(ShowDesk, desks=desks, references=references)
    list_desk_priorities = providers.Factory(ListDeskPriorities, desks=desks, references=references)
    list_desk_catalogs = providers.Factory(ListDeskCatalogs, desks=desks, references=references)

    add_note = providers.Factory(
        AddNote,
        communications=gateway.provided.communications,
        rich_text=rich_text,
        attachments=attachments,
    )
    list_notes = providers.Factory(ListNotes, communications=gateway.provided.communications)
    read_note = providers.Factory(ReadNote, communications=gateway.provided.communications)
    list_ticket_files = providers.Factory(ListTicketFiles, files=gateway.provided.files)
    show_stage_history = providers.Factory(ShowStageHistory, stage_history=gateway.provided.stage_history)
    add_appointment = providers.Factory(
        AddAppointment, appointments=gateway.provided.appointments, references=references
    )
    list_appointments = providers.Factory(ListAppointments, appointments=gateway.provided.appointments)

    show_chat = providers.Factory(ShowChat, chats=gateway.provided.chats)
    list_chats = providers.Factory(ListChats, chats=gateway.provided.chats)

    list_entities = providers.Factory(ListEntities, custom_fields=gateway.provided.custom_fields)
    list_entity_fields = providers.Factory(ListEntityFields, custom_fields=gateway.provided.custom_fields)
    list_entity_field_options = providers.Factory(
        ListEntityFieldOptions, custom_fields=gateway.provided.custom_fields
    )

    # people: requestors, attendants and departments (issue 19)
    search_requestors = providers.Factory(
        SearchRequestors, requestors=gateway.provided.requestors, references=references
    )
    list_requestors = providers.Factory(
        ListRequestors, requestors=gateway.provided.requestors, references=references
    )
    show_requestor = providers.Factory(
        ShowRequestor, requestors=gateway.provided.requestors, references=references
    )
    create_requestor = providers.Factory(
        CreateRequestor, requestors=gateway.provided.requestors, references=references
    )
    update_requestor = providers.Factory(
        UpdateRequestor, requestors=gateway.provided.requestors, references=references
    )
    search_technical_users = providers.Factory(
        SearchTechnicalUsers, technical_users=gateway.provided.technical_users, references=references
    )
    list_departments = providers.Factory(ListDepartments, departments=gateway.provided.departments)
    # people: agents and technical groups (issue 19)
    create_agent = providers.Factory(CreateAgent, agents=gateway.provided.agents, references=references)
    show_agent = providers.Factory(ShowAgent, agents=gateway.provided.agents)
    update_agent = providers.Factory(UpdateAgent, agents=gateway.provided.agents, references=references)
    update_requestor_fields = providers.Factory(
        UpdateRequestorFields, requestors=gateway.provided.requestors, gateway=gateway, references=references
    )
    # knowledge base (issue 21)
    list_knowledges = providers.Factory(
        ListKnowledges, knowledge=gateway.provided.knowledge, references=references
    )
    show_knowledge = providers.Factory(ShowKnowledge, knowledge=gateway.provided.knowledge)
    list_knowledge_folders = providers.Factory(ListKnowledgeFolders, knowledge=gateway.provided.knowledge)
    create_knowledge = providers.Factory(
        CreateKnowledge, knowledge=gateway.provided.knowledge, rich_text=rich_text
    )

    # equipment (issue 21; opt-in: imported on first use)
    equipment = gateway.provided.equipment
    list_equipment_types = providers.Factory(
        on_first_use("application.use_cases.equipment:ListEquipmentTypes"), equipment=equipment
    )
    list_equipment_groups = providers.Factory(
        on_first_use("application.use_cases.equipment:ListEquipmentGroups"),
        equipment=equipment,
        references=references,
    )
    list_equipments = providers.Factory(
        on_first_use("application.use_cases.equipment:ListEquipments"),
        equipment=equipment,
        references=references,
    )
    show_equipment = providers.Factory(
        on_first_use("application.use_cases.equipment:ShowEquipment"), equipment=equipment
    )
    list_equipment_softwares = providers.Factory(
        on_first_use("application.use_cases.equipment:ListEquipmentSoftwares"), equipment=equipment
    )
    create_equipment = providers.Factory(
        on_first_use("application.use_cases.equipment:CreateEquipment"),
        equipment=equipment,
        references=references,
    )
    update_equipment = providers.Factory(
        on_first_use("application.use_cases.equipment:UpdateEquipment"), equipment=equipment
    )
    # tickets area, issue 18: a ticket's answers, history and reopening
    activity = gateway.provided.ticket_activity
    list_ticket_answers = providers.Factory(ListTicketAnswers, activity=activity)
    read_ticket_answer = providers.Factory(ReadTicketAnswer, activity=activity)
    show_ticket_history = providers.Factory(ShowTicketHistory, activity=activity)
    reopen_ticket = providers.Factory(ReopenTicket, activity=activity)
    list_ticket_checklists = providers.Factory(ListTicketChecklists, activity=activity)
    update_checklist_item = providers.Factory(UpdateChecklistItem, activity=activity)
    delete_ticket_answer = providers.Factory(DeleteTicketAnswer, activity=activity)
    # chats that act (issue 20): transcripts, archiving, WhatsApp templates
    list_chat_messages = providers.Factory(ListChatMessages, conversations=gateway.provided.conversations)
    archive_chat = providers.Factory(ArchiveChat, conversations=gateway.provided.conversations)
    send_message = providers.Factory(SendMessage, conversations=gateway.provided.conversations)
    list_templates = providers.Factory(ListTemplates, conversations=gateway.provided.conversations)
    # tickets area, issue 18: a ticket's files after it was opened
    upload_ticket_files = providers.Factory(
        UploadTicketFiles, files=gateway.provided.ticket_files, attachments=attachments
    )
    delete_ticket_file = providers.Factory(DeleteTicketFile, files=gateway.provided.ticket_files)
    delete_answer_file = providers.Factory(DeleteAnswerFile, files=gateway.provided.ticket_files)
    list_service_types = providers.Factory(ListServiceTypes, valuation=gateway.provided.ticket_valuation)
    list_travel_charges = providers.Factory(ListTravelCharges, valuation=gateway.provided.ticket_valuation)
    # records area, issue 18: editing and removing internal communications
    edit_note = providers.Factory(
        EditNote, changes=gateway.provided.communication_changes, rich_text=rich_text
    )
    delete_note = providers.Factory(DeleteNote, changes=gateway.provided.communication_changes)
    list_pre_appointments = providers.Factory(ListPreAppointments, entries=gateway.provided.time_entries)
    list_org_appointments = providers.Factory(
        ListOrgAppointments, entries=gateway.provided.time_entries, references=references
    )
    # reports (issue 18; opt-in: the satisfaction report is imported on first use)
    compare_ticket_feedback = providers.Factory(
        on_first_use("application.use_cases.ticket_reports:CompareFeedback"),
        reports=gateway.provided.ticket_reports,
    )
    report_appointments = providers.Factory(
        ReportAppointments, entries=gateway.provided.time_entries, references=references
    )
    update_chat = providers.Factory(
        UpdateChat, conversations=gateway.provided.conversations, references=references
    )
    # billing and contracts (issue 20)
    get_billings_history = providers.Factory(
        on_first_use("application.use_cases.finance:GetBillingsHistory"),
        finance=gateway.provided.finance,
        references=references,
    )
    list_contracts = providers.Factory(
        on_first_use("application.use_cases.finance:ListContracts"), finance=gateway.provided.finance
    )
    # the organisation's service catalogs (issue 21; opt-in: imported on first use)
    catalogs = gateway.provided.catalogs
    list_services_catalogs = providers.Factory(on_first_use(f"{CATALOGS}:ListCatalogs"), catalogs=catalogs)
    create_services_catalog = providers.Factory(on_first_use(f"{CATALOGS}:CreateCatalog"), catalogs=catalogs)
    update_services_catalog = providers.Factory(on_first_use(f"{CATALOGS}:RenameCatalog"), catalogs=catalogs)
    delete_services_catalog = providers.Factory(on_first_use(f"{CATALOGS}:DeleteCatalog"), catalogs=catalogs)
    list_services_catalog_areas = providers.Factory(
        on_first_use(f"{CATALOGS}:ListAreas"), catalogs=catalogs, references=references
    )
    create_services_catalog_area = providers.Factory(
        on_first_use(f"{CATALOGS}:CreateArea"), catalogs=catalogs, references=references
    )
    update_services_catalog_area = providers.Factory(
        on_first_use(f"{CATALOGS}:RenameArea"), catalogs=catalogs, references=references
    )
    delete_services_catalog_area = providers.Factory(
        on_first_use(f"{CATALOGS}:DeleteArea"), catalogs=catalogs, references=references
    )
    list_services_catalog_items = providers.Factory(
        on_first_use(f"{CATALOGS}:ListItems"), catalogs=catalogs, references=references
    )
    create_services_catalog_item = providers.Factory(
        on_first_use(f"{CATALOGS}:CreateItem"), catalogs=catalogs, references=references
    )
    update_services_catalog_item = providers.Factory(
        on_first_use(f"{CATALOGS}:UpdateItem"), catalogs=catalogs, references=references
    )
    delete_services_catalog_item = providers.Factory(
        on_first_use(f"{CATALOGS}:DeleteItem"), catalogs=catalogs, references=references
    )
    # clients toolset (issue 19; opt-in: imported on first use)
    clients = gateway.provided.clients
    show_client = providers.Factory(
        on_first_use(f"{CLIENTS}:ShowClient"), clients=clients, references=references
    )
    list_clients = providers.Factory(on_first_use(f"{CLIENTS}:ListClients"), clients=clients)
    create_client = providers.Factory(on_first_use(f"{CLIENTS}:CreateClient"), clients=clients)
    update_client = providers.Factory(on_first_use(f"{CLIENTS}:UpdateClient"), clients=clients)
    list_client_desks = providers.Factory(
        on_first_use(f"{CLIENTS}:ListClientDesks"), clients=clients, references=references
    )
    list_client_groups = providers.Factory(
        on_first_use(f"{CLIENTS}:ListClientGroups"), clients=clients, references=references
    )
    create_portal_user = providers.Factory(on_first_use(f"{CLIENTS}:CreatePortalUser"), clients=clients)
    allow_email_tickets = providers.Factory(on_first_use(f"{CLIENTS}:AllowEmailTickets"), clients=clients)
    list_client_addresses = providers.Factory(
        on_first_use(f"{PLACES}:ListClientAddresses"), clients=clients, references=references
    )
    show_client_address = providers.Factory(on_first_use(f"{PLACES}:ShowClientAddress"), clients=clients)
    create_client_address = providers.Factory(on_first_use(f"{PLACES}:CreateClientAddress"), clients=clients)
    update_client_address = providers.Factory(on_first_use(f"{PLACES}:UpdateClientAddress"), clients=clients)
    delete_client_address = providers.Factory(on_first_use(f"{PLACES}:DeleteClientAddress"), clients=clients)
    list_client_contacts = providers.Factory(
        on_first_use(f"{PLACES}:ListClientContacts"), clients=clients, references=references
    )
    show_client_contact = providers.Factory(on_first_use(f"{PLACES}:ShowClientContact"), clients=clients)
    create_client_contact = providers.Factory(on_first_use(f"{PLACES}:CreateClientContact"), clients=clients)
    update_client_contact = providers.Factory(on_first_use(f"{PLACES}:UpdateClientContact"), clients=clients)
    delete_client_contact = providers.Factory(on_first_use(f"{PLACES}:DeleteClientContact"), clients=clients)
    update_client_fields = providers.Factory(
        on_first_use("application.use_cases.client_fields:UpdateClientFields"),
        clients=clients,
        custom_fields=gateway.provided.custom_fields,
    )


class UseCasesFor:
    """One `UseCases` container per TiFlux account, the most recently used kept."""

    def __init__(
        self,
        gateway_for: Callable[[str | None], TifluxGateway],
        rich_text: RichTextPort,
        attachments: AttachmentsPort,
        ticket_defaults: TicketDefaults,
    ) -> None:
        self._gateway_for = gateway_for
        self._services = {
            "rich_text": rich_text,
            "attachments": attachments,
            "ticket_defaults": ticket_defaults,
        }
        self._kept: OrderedDict[bytes, UseCases] = OrderedDict()
        # A spec names the class-level provider; an account's container holds its own copy, by the same name.
        self._names = {id(provider): name for name, provider in UseCases.cls_providers.items()}

    def gateway(self, api_key: str | None) -> TifluxGateway:
        """The account's gateway (raises MissingCredentials or InvalidCredentials for an unusable key)."""
        return self._gateway_for(api_key)

    def build(
        self, provider: providers.Provider[UC], api_key: str | None, resolutions: Resolutions | None = None
    ) -> UC:
        """The use case `provider` declares, for the account behind `api_key` and one call's resolutions."""
        made = getattr(self._container(api_key), self._names[id(provider)])
        return made(references__resolutions=resolutions or Resolutions())  # type: ignore[no-any-return]

    def _container(self, api_key: str | None) -> UseCases:
        digest = hashlib.sha256((api_key or "").encode()).digest()  # never the key itself
        kept = self._kept.get(digest)
        if kept is not None:
            self._kept.move_to_end(digest)
            return kept
        made = UseCases(gateway=self._gateway_for(api_key), **self._services)
        self._kept[digest] = made
        if len(self._kept) > MAX_ACCOUNTS_KEPT:
            self._kept.popitem(last=False)
        return made
