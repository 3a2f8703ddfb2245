"""Companies and their people: memberships, roles, invitations and identity verification."""
