"""Essaim: expérimenter, évaluer, pérenniser et essaimer les innovations territoriales."""
