"""Letters: the texts of Art. 3, 5, 6 and 7 made, recorded, printed and mailed; the letterhead."""
