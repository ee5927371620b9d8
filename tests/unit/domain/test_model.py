from domain.custom_fields import EntityField, FieldType
from domain.desks import Desk
from domain.ids import DeskId
from domain.people import UserType


def test_admins_and_attendants_can_attend_tickets_but_clients_cannot() -> None:
    assert UserType.ADMIN.can_attend
    assert UserType.ATTENDANT.can_attend
    assert not UserType.CLIENT.can_attend


def test_a_desk_is_known_by_both_its_names() -> None:
    desk = Desk(DeskId(11), "Dev - Cansados", "Equipe Cansados")
    assert desk.names == ("Dev - Cansados", "Equipe Cansados")
    assert desk.label == "Equipe Cansados"
    assert Desk(DeskId(16), "Infra Legado").label == "Infra Legado"


def test_select_and_checkbox_fields_have_options() -> None:
    assert FieldType.SINGLE_SELECT.has_options and FieldType.CHECKBOX.has_options
    assert not FieldType.TEXT.has_options
    assert EntityField(1, "x", "checkbox").type is FieldType.CHECKBOX  # type: ignore[arg-type]
    assert EntityField(1, "x", "hologram").type is None  # type: ignore[arg-type]
