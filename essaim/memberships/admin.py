from django.contrib import admin

from essaim.memberships.models import FeeBracket, Membership, MembershipType


class FeeBracketInline(admin.TabularInline):
    model = FeeBracket
    extra = 0


@admin.register(MembershipType)
class MembershipTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "member_kind", "organiser", "fee", "active"]
    list_filter = ["member_kind", "active"]
    list_select_related = ["organiser"]
    search_fields = ["name", "organiser__name"]
    raw_id_fields = ["organiser"]
    inlines = [FeeBracketInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Read-mostly: payments and receipt numbers are recorded through the members' pages, which
    number receipts safely and keep the history."""

    list_display = ["__str__", "membership_type", "year", "amount", "status", "receipt_number"]
    list_filter = ["year", "status", "membership_type"]
    list_select_related = ["membership_type", "organisation"]
    search_fields = ["last_name", "first_name", "email", "organisation__name", "receipt_number"]
    raw_id_fields = ["organisation", "bracket", "membership_type"]
    readonly_fields = [
        "status",
        "paid_on",
        "payment_method",
        "payment_reference",
        "receipt_number",
        "reminded_at",
        "created_at",
        "updated_at",
    ]
