from essaim.core.management.commands.serve import EssaimServer
from essaim.wsgi import application


def test_it_serves_the_wsgi_application_named_by_the_settings():
    server = EssaimServer({"bind": "127.0.0.1:0", "workers": 1})
    assert server.load() is application
    assert server.cfg.bind == ["127.0.0.1:0"]
