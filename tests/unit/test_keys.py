"""Key slots, recovery keys, the unlock throttle and the key file, without a database."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from contactkluis.vault import keys, roster, throttle
from contactkluis.vault.keyfile import KeyFile, KeyFileError
from contactkluis.vault.keys import (
    MIN_MEMORY_KIB,
    MIN_PARALLELISM,
    MIN_TIME_COST,
    KdfParams,
    WrongSecret,
)
from contactkluis.vault.signing import Authority, Signer
from tests.conftest import FAST_KDF

VAULT_ID = "00000000-0000-4000-8000-000000000001"
DATA_KEY = bytes(range(32))

# -- Argon2 parameters ----------------------------------------------------------------------


def test_calibration_never_goes_below_the_rfc_9106_floor() -> None:
    params = keys.calibrate()
    assert params.time_cost >= MIN_TIME_COST
    assert params.memory_kib >= MIN_MEMORY_KIB
    assert params.parallelism >= MIN_PARALLELISM
    # The result must still be accepted when read back from a key file.
    assert KdfParams.from_json(params.to_json()) == params


@pytest.mark.parametrize(
    "t, m, p",
    [
        (MIN_TIME_COST - 1, MIN_MEMORY_KIB, MIN_PARALLELISM),
        (MIN_TIME_COST, MIN_MEMORY_KIB // 2, MIN_PARALLELISM),
        (MIN_TIME_COST, MIN_MEMORY_KIB, MIN_PARALLELISM - 1),
    ],
)
def test_parameters_below_the_floor_are_refused(t: int, m: int, p: int) -> None:
    with pytest.raises(ValueError):
        KdfParams(t, m, p)
    # A tampered key file that lowers the cost is refused too.
    with pytest.raises(ValueError):
        KdfParams.from_json({"alg": "argon2id", "t": t, "m": m, "p": p})


def test_unknown_key_derivation_is_refused() -> None:
    with pytest.raises(ValueError):
        KdfParams.from_json({"alg": "pbkdf2", "t": 3, "m": MIN_MEMORY_KIB, "p": 4})


# -- slots ----------------------------------------------------------------------------------


def test_a_slot_opens_with_its_password_only_and_only_for_its_vault() -> None:
    slot, _ = keys.new_slot(
        VAULT_ID, "account:anna", "password", "Anna", "zeilboot op het meer", FAST_KDF
    )
    keys.seal_data_key(slot, VAULT_ID, 1, DATA_KEY)

    private = keys.unwrap_private(slot, VAULT_ID, "zeilboot op het meer")
    assert keys.open_data_key(slot, VAULT_ID, 1, private) == DATA_KEY

    with pytest.raises(WrongSecret):
        keys.unwrap_private(slot, VAULT_ID, "zeilboot op het Meer")
    # The slot is bound to its vault: copied into another vault's key file it does not open.
    with pytest.raises(WrongSecret):
        keys.unwrap_private(slot, "another-vault", "zeilboot op het meer")


def test_a_slot_survives_its_key_file_round_trip() -> None:
    slot, private = keys.new_slot(VAULT_ID, "recovery", "recovery", None, "ABCD-EFGH", FAST_KDF)
    keys.seal_data_key(slot, VAULT_ID, 7, DATA_KEY)
    kf = KeyFile(vault_id=VAULT_ID, generation=7, slots=[slot])
    again = KeyFile.loads(kf.dumps())
    assert again.slot("recovery") == slot
    assert keys.open_data_key(again.slots[0], VAULT_ID, 7, private) == DATA_KEY
    # The file holds neither the data key nor the private key in the clear.
    raw = kf.dumps()
    assert DATA_KEY not in raw and keys.b64(DATA_KEY).encode() not in raw


def test_a_sealed_key_moved_to_another_slot_or_generation_does_not_open() -> None:
    slot_a, priv_a = keys.new_slot(
        VAULT_ID, "account:a", "password", "a", "eerste zin hier", FAST_KDF
    )
    slot_b, _ = keys.new_slot(VAULT_ID, "account:b", "password", "b", "tweede zin hier", FAST_KDF)
    keys.seal_data_key(slot_b, VAULT_ID, 1, DATA_KEY)
    slot_a.sealed[1] = slot_b.sealed[1]
    with pytest.raises(WrongSecret):
        keys.open_data_key(slot_a, VAULT_ID, 1, priv_a)
    keys.seal_data_key(slot_a, VAULT_ID, 1, DATA_KEY)
    slot_a.sealed[2] = slot_a.sealed.pop(1)
    with pytest.raises(WrongSecret):
        keys.open_data_key(slot_a, VAULT_ID, 2, priv_a)


def test_a_new_password_rewraps_the_slot_and_keeps_its_sealed_keys() -> None:
    slot, private = keys.new_slot(
        VAULT_ID, "account:anna", "password", "Anna", "oud wachtwoord van anna", FAST_KDF
    )
    keys.seal_data_key(slot, VAULT_ID, 1, DATA_KEY)
    sealed_before = dict(slot.sealed)
    keys.rewrap_private(slot, VAULT_ID, private, "nieuw wachtwoord van anna")
    assert slot.sealed == sealed_before
    with pytest.raises(WrongSecret):
        keys.unwrap_private(slot, VAULT_ID, "oud wachtwoord van anna")
    opened = keys.unwrap_private(slot, VAULT_ID, "nieuw wachtwoord van anna")
    assert keys.open_data_key(slot, VAULT_ID, 1, opened) == DATA_KEY


# -- recovery keys --------------------------------------------------------------------------


def test_recovery_keys_are_eight_groups_of_four_unambiguous_characters() -> None:
    seen = set()
    for _ in range(50):
        key = keys.new_recovery_key()
        groups = key.split("-")
        assert len(groups) == keys.RECOVERY_GROUPS
        assert all(len(g) == 4 for g in groups)
        assert not set("".join(groups)) & set("ILOU")
        seen.add(key)
    assert len(seen) == 50


@pytest.mark.parametrize(
    "typed",
    [
        "abcd-efgh-jkmn-pqrs-tvwx-yz01-2345-6789",
        "ABCD EFGH JKMN PQRS TVWX YZ01 2345 6789",
        "  abcdefghjkmnpqrstvwxyzo12345 6789  ",
        "abcd-efgh-jkmn-pqrs-tvwx-yzOl-2345-6789",
    ],
)
def test_recovery_key_input_ignores_case_spaces_and_look_alikes(typed: str) -> None:
    assert keys.normalize_recovery_key(typed) == "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789"


# -- throttle -------------------------------------------------------------------------------


def test_the_delay_doubles_per_failure_up_to_a_minute() -> None:
    assert [throttle.delay_for(n) for n in range(9)] == [0, 1, 2, 4, 8, 16, 32, 60, 60]
    assert throttle.delay_for(100) == throttle.MAX_DELAY_S


def test_failures_are_remembered_outside_the_vault_and_forgotten_on_success(
    tmp_path: Path,
) -> None:
    vid = "vault-a"
    assert throttle.wait_remaining(vid) == 0
    delays = [throttle.record_failure(vid) for _ in range(4)]
    assert delays == [1, 2, 4, 8]
    assert throttle.failures(vid) == 4
    now = time.time()
    assert 0 < throttle.wait_remaining(vid, now=now) <= 8
    assert throttle.wait_remaining(vid, now=now + 9) == 0
    # Another vault is not slowed down by this one's failures.
    assert throttle.wait_remaining("vault-b") == 0
    # Remembered in the state folder, with counters only.
    stored = json.loads(throttle.state_file().read_text("utf-8"))
    assert set(stored) == {vid} and set(stored[vid]) == {"failures", "not_before"}
    assert throttle.reset(vid) == 4
    assert throttle.failures(vid) == 0 and throttle.wait_remaining(vid) == 0


def test_an_unreadable_throttle_file_does_not_lock_anyone_out() -> None:
    path = throttle.state_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00garbage")
    assert throttle.wait_remaining("v") == 0
    assert throttle.record_failure("v") == 1


# -- key file -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\xff\xfe\x00garbage",
        b"[]",
        b'{"format": "something-else"}',
        b'{"format": "contactkluis-keys", "vault_id": "x"}',
        b'{"format": "contactkluis-keys", "vault_id": "x", "generation": 1, "slots": [{}]}',
    ],
)
def test_a_damaged_key_file_is_reported_not_crashed_on(raw: bytes) -> None:
    with pytest.raises(KeyFileError):
        KeyFile.loads(raw)


# -- signing ---------------------------------------------------------------------------------


def test_a_key_file_from_before_signing_still_loads_unpinned_and_unsigned() -> None:
    slot, _ = keys.new_slot(VAULT_ID, "recovery", "recovery", None, "AAAA-BBBB", FAST_KDF)
    data = KeyFile(vault_id=VAULT_ID, generation=1, slots=[slot]).to_json()
    for name in ("authority", "signers", "audit_head"):
        del data[name]
    for name in ("role", "audit_key", "signature", "seeds"):
        del data["slots"][0][name]
    loaded = KeyFile.from_json(json.loads(json.dumps(data)))
    assert loaded.authority is None and loaded.audit_head is None
    assert loaded.slots[0].signature is None
    assert keys.unwrap_slot(loaded.slots[0], VAULT_ID, "AAAA-BBBB")[1] is None


def test_a_slot_signed_by_the_vault_key_fails_after_any_field_changes() -> None:
    authority = Signer.generate()
    kf = KeyFile(vault_id=VAULT_ID, generation=1)
    kf.authority = Authority.make(VAULT_ID, authority, 1)
    slot, _ = keys.new_slot(
        VAULT_ID, "account:piet", "password", "piet", "pw", FAST_KDF, pin=authority.public
    )
    roster.issue(kf, authority, slot, "medewerker")
    kf.slots.append(slot)
    assert roster.slot_ok(kf, slot) and "authority" not in slot.seeds
    assert keys.unwrap_slot(slot, VAULT_ID, "pw")[1] == authority.public
    slot.role = "beheerder"
    assert not roster.slot_ok(kf, slot)
    roster.set_role(kf, authority, slot, "beheerder")
    assert roster.slot_ok(kf, slot) and "authority" in slot.seeds
    slot.account = "klaas"
    assert not roster.slot_ok(kf, slot)
