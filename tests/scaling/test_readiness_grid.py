"""The readiness grid's scores, without a database: a known set of answers gives the expected
scores, the weakest dimensions become the actions."""

from essaim.scaling.readiness import (
    DIMENSIONS,
    QUESTIONS,
    overall_score,
    recommended_actions,
    score_dimensions,
)


def answers_of(**by_dimension: tuple[int | None, ...]) -> dict[str, int | None]:
    answers = {}
    for dimension in DIMENSIONS:
        given = by_dimension.get(dimension.key, (None, None, None))
        answers.update(zip((q.key for q in dimension.questions), given, strict=True))
    return answers


def scores(answers) -> dict[str, int | None]:
    return {item.dimension.key: item.score for item in score_dimensions(answers)}


def test_the_grid_has_nine_dimensions_of_three_questions_with_unique_keys():
    assert [d.label for d in DIMENSIONS] == [
        "Impact prouvé",
        "Modèle codifié",
        "Modèle économique et finances",
        "Capacité et motivation des porteurs",
        "Réceptivité et demande des territoires",
        "Ressources",
        "Risques",
        "Retombées attendues",
        "Partenaires et soutien institutionnel",
    ]
    assert all(len(d.questions) == 3 for d in DIMENSIONS)
    assert len(QUESTIONS) == 27


def test_a_dimension_scores_the_share_of_the_points_its_answers_could_reach():
    answers = answers_of(
        impact=(3, 3, 3),  # 9 / 9
        model=(0, 0, 0),  # 0 / 9
        economics=(1, 2, 3),  # 6 / 9
        carriers=(2, None, None),  # 2 / 3: the unanswered ones do not count
        demand=(1, 1, 2),  # 4 / 9 = 44,4 %
    )
    assert scores(answers) == {
        "impact": 100,
        "model": 0,
        "economics": 67,
        "carriers": 67,
        "demand": 44,
        "resources": None,
        "risks": None,
        "returns": None,
        "partners": None,
    }
    assert overall_score(score_dimensions(answers)) == round((100 + 0 + 67 + 67 + 44) / 5)


def test_no_answer_at_all_has_no_score():
    assert overall_score(score_dimensions({})) is None
    assert recommended_actions({}) == []


def test_the_weakest_dimensions_under_half_become_actions_weakest_first():
    answers = answers_of(
        impact=(3, 3, 2),
        model=(1, 0, 2),  # 33 %
        economics=(0, 0, 1),  # 11 %
        carriers=(1, 1, 2),  # 44 %
        demand=(1, 2, 1),  # 44 %, after carriers in the grid
        resources=(2, 2, 1),  # 56 %: not weak
    )
    actions = recommended_actions(answers)
    assert [(a.dimension.key, a.score) for a in actions] == [
        ("economics", 11),
        ("model", 33),
        ("carriers", 44),
    ]
    model = actions[1]
    assert [q.key for q in model.weak_questions] == ["model_core", "model_adaptable"]
    assert "kit d'essaimage" in model.dimension.action
