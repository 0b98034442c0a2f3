import pytest

from essaim.lib.phone import phone_error


@pytest.mark.parametrize(
    "number",
    [
        "04 75 12 34 56",
        "0475123456",
        "04.75.12.34.56",
        "06-12-34-56-78",
        "+33 4 75 12 34 56",
        "+33 (0)4 75 12 34 56",
        "0033475123456",
        " 09 70 00 00 00 ",
    ],
)
def test_it_accepts_french_numbers_as_people_write_them(number):
    assert phone_error(number) is None


@pytest.mark.parametrize(
    "number", ["", "04 75 12 34", "00 75 12 34 56", "+44 20 7946 0958", "appelez-moi"]
)
def test_it_explains_in_french_what_it_expects(number):
    assert phone_error(number).startswith("Saisissez un numéro de téléphone français")
