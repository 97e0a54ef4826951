"""One module per question family: yes/no, profile, catalogue, count, topical."""
