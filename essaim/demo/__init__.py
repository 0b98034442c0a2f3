# The port of ``essaim demo`` when no ``--port`` is given.
DEMO_PORT = 8000
