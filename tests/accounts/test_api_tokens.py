from essaim.accounts.models import ApiToken


def test_only_the_hash_of_a_token_is_kept(owner):
    token, key = ApiToken.issue(user=owner, name="Tableur")
    assert key.startswith("essaim_")
    assert key not in token.key_hash
    assert ApiToken.authenticate(key) == owner
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_revoked_token_or_an_inactive_user_no_longer_authenticates(owner):
    token, key = ApiToken.issue(user=owner, name="Tableur")
    token.revoke()
    assert ApiToken.authenticate(key) is None
    _, other_key = ApiToken.issue(user=owner, name="Autre")
    owner.is_active = False
    owner.save(update_fields=["is_active"])
    assert ApiToken.authenticate(other_key) is None
    assert ApiToken.authenticate("essaim_nimportequoi") is None
