"""Imported (for this effect) by a process that runs with pydantic's plug-ins off, before pydantic
builds a validator: see :func:`cvconvert._deps.skip_pydantic_plugin_import`."""

from cvconvert._deps import skip_pydantic_plugin_import

skip_pydantic_plugin_import()
