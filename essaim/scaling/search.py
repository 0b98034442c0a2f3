"""Transfer kits are found by their title first, then by what they say of the model."""

from essaim.core.search import register
from essaim.scaling.models import TransferKit

register(TransferKit, title=["title"], body=["summary", "origin", "support_offered"])
