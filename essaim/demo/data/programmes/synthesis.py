"""The first draft of the synthesis of the listening, as the team would have written it in May
2015: an introduction, a text for three themes, and a conclusion. The quotes it selects are the
first key quote of each theme in the territories' interviews (chosen by the loader)."""

from essaim.demo.data.programmes.programme import COOPERATION, ENGINEERING, PARTICIPATION

INTRODUCTION = (
    "Entre février et mars 2015, neuf binômes d'experts ont passé un à deux jours dans chacun "
    "des territoires du programme. Ils y ont rencontré des élus, des techniciens et des "
    "représentants de la société civile, en entretiens individuels et en réunions de groupe.\n\n"
    "Cette synthèse rassemble ce qui revient d'un territoire à l'autre : la manière dont les "
    "stratégies de transition énergétique ou de tourisme durable s'appuient sur une "
    "gouvernance, des coopérations et une organisation de l'ingénierie particulières. Elle sera "
    "restituée aux représentants des territoires lors du séminaire de juin."
)

SECTIONS = {
    ENGINEERING: (
        "Partout, l'ingénierie est le premier sujet abordé, et d'abord par les élus. Les équipes "
        "sont petites (deux à cinq agents pour des territoires de 10 000 à 20 000 habitants), "
        "dispersées entre le pays, les communautés et les syndicats, et absorbées par les appels "
        "à projets. Les territoires qui avancent ont mutualisé un poste ou une mission entre "
        "plusieurs structures, et donné à leurs techniciens le temps de l'animation."
    ),
    COOPERATION: (
        "Les coopérations les plus solides sont nées d'un projet concret (une plateforme de "
        "rénovation, un schéma de randonnée, une filière bois) plutôt que d'un périmètre. La "
        "réforme territoriale en cours inquiète : plusieurs territoires craignent que les fusions "
        "de communautés défassent des coopérations construites en vingt ans."
    ),
    PARTICIPATION: (
        "Les conseils de développement existent presque partout mais s'essoufflent quand les "
        "élus ne viennent pas à leurs réunions. Là où les habitants sont associés à un projet "
        "(une centrale villageoise, un sentier, une fête), la participation tient dans la durée."
    ),
}

CONCLUSION = (
    "Trois chantiers se dégagent pour les ateliers inter-territoires de l'été et de "
    "l'automne : améliorer l'organisation de l'ingénierie, consolider les coopérations à "
    "l'épreuve des fusions, et faire vivre la participation des habitants au-delà des "
    "instances."
)
