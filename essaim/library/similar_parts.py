"""The experiences similar to an experiment, on its overview. Added when the apps are ready
(``LibraryConfig.ready``)."""


def add_to_experiment_pages() -> None:
    pass
