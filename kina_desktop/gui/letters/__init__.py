"""Letters: the letters menu of a case, the acknowledgement batch, templates, letterhead, printing and PDF."""
