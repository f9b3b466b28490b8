"""The consent gate: no recording without a saved permission record.

Every recording starts from a :class:`ConsentRecord` saved in the library
(:mod:`core.consent.records`). Records are append-only and hash-chained per
interview; :class:`ConsentStore` saves them and issues the only
:class:`RecordingPermit` the recorder accepts (:mod:`core.consent.store`).
Each saved record is also copied into the consent ledger beside the database
(:mod:`core.consent.ledger`), and each recording's sidecar keeps the record it
was made under and the chain's head, so :func:`core.consent.verify.check_consent`
(run by ``doctor`` and at every start) notices a record changed or removed
behind the app's back, the last one of a chain included.
"""

from core.consent.records import (
    CLIP_WORDING,
    CLOCK_SKEW,
    HASH_VERSION,
    REQUEST_WORDING,
    VALIDITY,
    ConsentAnswer,
    ConsentInvalid,
    ConsentKind,
    ConsentMethod,
    ConsentPurpose,
    ConsentRecord,
    ConsentRequired,
    genesis_hash,
    self_consent,
)
from core.consent.store import TRIGGERS, ChainReport, ConsentStore, RecordingPermit, permit_from

__all__ = [
    "CLIP_WORDING", "CLOCK_SKEW", "HASH_VERSION", "REQUEST_WORDING", "TRIGGERS", "VALIDITY", "ChainReport",
    "ConsentAnswer", "ConsentInvalid", "ConsentKind", "ConsentMethod", "ConsentPurpose", "ConsentRecord",
    "ConsentRequired", "ConsentStore", "RecordingPermit", "genesis_hash", "permit_from", "self_consent",
]
