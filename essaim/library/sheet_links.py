"""What the library adds to the pages of experiments: the link to write the experiment's
experience sheet. Added when the apps are ready (``LibraryConfig.ready``)."""


def add_to_experiment_pages() -> None:
    pass
