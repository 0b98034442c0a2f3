"""Filters of the membership pages and documents: amounts and dates written the French way."""

from django import template

from essaim.dossiers.templatetags.dossier import euros, long_date
from essaim.memberships.amounts import euros_in_words

register = template.Library()
register.filter("euros", euros)
register.filter("long_date", long_date)
register.filter("euros_in_words", euros_in_words)
