"""Property-based tests of the API against its own OpenAPI spec (schemathesis): for generated
parameters, no 5xx, only documented status codes and content types, and bodies that match the schema.
Bounded to a few dozen examples per endpoint so the whole run stays well under two minutes."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from api_records import write_hand_records  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.config import SchemathesisConfig  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from dateline.api.app import create_app  # noqa: E402

# The store is built at import time because schemathesis parametrizes at collection; hand-written
# records only (no model), written into a private temporary folder.
_DIR = Path(tempfile.mkdtemp(prefix="dateline-schemathesis-"))
_DB = _DIR / "hand.db"
atexit.register(shutil.rmtree, _DIR, True)


write_hand_records(_DB)
# Invalid data must be refused with a 4xx; "414 URI Too Long" is how the API refuses a URL over its
# limit (a generated over-long parameter of many-byte characters makes one) before reading parameters,
# and is as much a refusal as the codes schemathesis expects by default (the others below).
_REFUSALS = ["400", "401", "403", "404", "405", "406", "409", "414", "415", "422", "428", "429", "5xx"]
_CONFIG = SchemathesisConfig.from_dict({"checks": {"negative_data_rejection": {"expected-statuses": _REFUSALS}}})
# The ASGI client names itself "testserver" in the Host header: allowed here (the server answers only
# the loopback names and those it is told).
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(_DB, hosts=["testserver"]), config=_CONFIG)
EXAMPLES = int(os.environ.get("DATELINE_SCHEMATHESIS_EXAMPLES", "30"))


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture],
)
def test_api_conforms_to_its_spec(case: schemathesis.Case) -> None:
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
            negative_data_rejection,
        ]
    )
