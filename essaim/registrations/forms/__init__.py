"""Forms of registrations: the public form and the registrant's changes."""
