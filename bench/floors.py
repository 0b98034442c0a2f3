"""The floors of the main pages: the same rows as the page, fetched by one hand-written SQL
query and shown by a minimal template (see ``harness.Floor``). Valid on SQLite and PostgreSQL;
import after ``harness.configure``."""

import harness
from django.contrib.contenttypes.models import ContentType

from essaim.accounts.models import User
from essaim.experiments.models import Experiment
from essaim.territories.models import Territory

LIST_ROW = """
    <tr><th><a href="/experimentations/{{ row.id }}/">{{ row.title }}</a></th>
    <td>{{ row.stage }}</td><td>{{ row.theme }}</td><td>{{ row.territories|default:"—" }}</td>
    <td>{{ row.next_step }} {{ row.next_step_on }}</td>
    <td>{{ row.decision }} {{ row.decided_on }}</td>
    </tr>
"""
LIST_TEMPLATE = (
    "<p>{{ rows.0.total }} expérimentations</p><table>{% for row in rows %}"
    + LIST_ROW
    + "{% endfor %}</table>"
)


def visible_experiments(officer: User) -> tuple[str, list]:
    """SQL for the experiments on which ``officer`` holds a role, and its parameters."""
    content_type = ContentType.objects.get_for_model(Experiment)
    return (
        "SELECT r.object_id FROM roles_objectrole r WHERE r.user_id = %s "
        "AND r.content_type_id = %s",
        [officer.pk, content_type.pk],
    )


def list_floor(officer: User, *, where: str = "", params=(), offset: int = 0) -> harness.Floor:
    """The rows of a page of the list: title, stage, theme, territories, next step and last
    decision of 25 experiments the officer sees, and how many they are in all. (The progress
    of the indicators, which the page shows too, is left out: the floor stays below.)"""
    visible, visible_params = visible_experiments(officer)
    territories = harness.concat("t.name")
    return harness.Floor(
        f"""
        SELECT e.id, e.title, e.stage, th.label AS theme, COUNT(*) OVER () AS total,
               (SELECT {territories}
                  FROM experiments_experiment_territories et
                  JOIN territories_territory t ON t.id = et.territory_id
                 WHERE et.experiment_id = e.id) AS territories,
               (SELECT s.title FROM experiments_step s
                 WHERE s.experiment_id = e.id AND s.status NOT IN ('terminee', 'abandonnee')
                 ORDER BY s.start_date, s.end_date, s.id LIMIT 1) AS next_step,
               (SELECT s.start_date FROM experiments_step s
                 WHERE s.experiment_id = e.id AND s.status NOT IN ('terminee', 'abandonnee')
                 ORDER BY s.start_date, s.end_date, s.id LIMIT 1) AS next_step_on,
               (SELECT d.kind FROM experiments_decision d WHERE d.experiment_id = e.id
                 ORDER BY d.decided_on DESC, d.id DESC LIMIT 1) AS decision,
               (SELECT d.decided_on FROM experiments_decision d WHERE d.experiment_id = e.id
                 ORDER BY d.decided_on DESC, d.id DESC LIMIT 1) AS decided_on
          FROM experiments_experiment e
          JOIN themes_theme th ON th.slug = e.theme_id
         WHERE e.id IN ({visible}) {where}
         ORDER BY e.title, e.id
         LIMIT 25 OFFSET {offset}
        """,
        [*visible_params, *params],
        LIST_TEMPLATE,
    )


def indicators_floor(experiment_pk: int, *, with_experiment: bool) -> harness.Floor:
    """An experiment's indicators with their latest value (and, for the overview, the
    experiment's framing and its carrier)."""
    experiment = "e.*, o.name AS carrier_name," if with_experiment else ""
    joins = (
        "LEFT JOIN organisations_organisation o ON o.id = e.carrier_id" if with_experiment else ""
    )
    template = (
        "{% with experiment=rows.0 %}<h1>{{ experiment.title }}</h1><p>{{ experiment.summary }}"
        "</p><p>{{ experiment.carrier_name }}</p><p>{{ experiment.need }}</p>"
        "<p>{{ experiment.purposes }}</p>{% endwith %}"
        if with_experiment
        else ""
    ) + (
        "<table>{% for row in rows %}<tr><td>{{ row.indicator }}</td><td>{{ row.current }}</td>"
        "<td>{{ row.target_value }}</td></tr>{% endfor %}</table>"
    )
    return harness.Floor(
        f"""
        SELECT {experiment} i.name AS indicator, i.target_value,
               (SELECT m.value FROM evaluation_measurement m
                 WHERE m.indicator_id = i.id AND m.value IS NOT NULL
                 ORDER BY m.measured_on DESC LIMIT 1) AS current
          FROM experiments_experiment e {joins}
          LEFT JOIN evaluation_indicator i ON i.experiment_id = e.id
         WHERE e.id = %s
         ORDER BY i.position, i.id
        """,
        [experiment_pk],
        template,
    )


def indicator_floor(indicator_pk: int) -> harness.Floor:
    """An indicator and its latest 50 measurements."""
    return harness.Floor(
        """
        SELECT i.name, i.unit, i.target_value, m.measured_on, m.value, m.comment
          FROM evaluation_indicator i
          LEFT JOIN evaluation_measurement m ON m.indicator_id = i.id
         WHERE i.id = %s
         ORDER BY m.measured_on DESC
         LIMIT 50
        """,
        [indicator_pk],
        "<h1>{{ rows.0.name }}</h1><table>{% for row in rows %}<tr><td>{{ row.measured_on }}"
        "</td><td>{{ row.value }}</td><td>{{ row.comment }}</td></tr>{% endfor %}</table>",
    )


def territory_floor(territory: Territory, officer: User) -> harness.Floor:
    """A territory and the experiments on it that the officer sees."""
    visible, visible_params = visible_experiments(officer)
    return harness.Floor(
        f"""
        SELECT t.name, t.kind, t.description, e.id, e.title, e.stage
          FROM territories_territory t
          LEFT JOIN experiments_experiment_territories et ON et.territory_id = t.id
          LEFT JOIN experiments_experiment e ON e.id = et.experiment_id AND e.id IN ({visible})
         WHERE t.id = %s
         ORDER BY e.title, e.id
        """,
        [*visible_params, territory.pk],
        "<h1>{{ rows.0.name }}</h1><p>{{ rows.0.description }}</p><ul>{% for row in rows %}"
        '{% if row.id %}<li><a href="/experimentations/{{ row.id }}/">{{ row.title }}</a> '
        "{{ row.stage }}</li>{% endif %}{% endfor %}</ul>",
    )
