"""The custom-field catalogue on the demo tenant."""

from __future__ import annotations

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.fake.reading import read
from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.wire import EntityFieldOptionWire, EntityFieldWire, EntityWire, page_of
from domain.custom_fields import Entity, EntityField, EntityFieldOption
from domain.ids import EntityFieldId, EntityId
from domain.paging import Page, PageRequest


class FakeCustomFields:
    def __init__(self, tenant: FakeTenant) -> None:
        self._tenant = tenant

    async def entities(
        self, *, active: bool | None, applied_in: str | None, name: str | None, page: PageRequest
    ) -> Page[Entity]:
        payload = read(
            lambda: self._tenant.list_entities(
                offset=page.number, limit=page.size, active=active, applied_in=applied_in, name=name or None
            )
        )
        return page_of(EntityWire, payload, page)

    async def fields(
        self,
        entity_id: EntityId,
        *,
        field_type: str | None,
        required: bool | None,
        name: str | None,
        page: PageRequest,
    ) -> Page[EntityField]:
        payload = read(
            lambda: self._tenant.list_entity_fields(
                entity_id,
                offset=page.number,
                limit=page.size,
                field_type=field_type,
                required=required,
                name=name or None,
            ),
            NotFoundAs("entity", str(entity_id)),
        )
        return page_of(EntityFieldWire, payload, page)

    async def options(
        self, field_id: EntityFieldId, *, value: str | None, page: PageRequest
    ) -> Page[EntityFieldOption]:
        payload = read(
            lambda: self._tenant.list_entity_field_options(
                field_id, offset=page.number, limit=page.size, value=value or None
            ),
            NotFoundAs("entity_field", str(field_id)),
        )
        return page_of(EntityFieldOptionWire, payload, page)
