"""Synthetic data at Flemish scale for the benchmark (`manage.py seed_synthetic`).

seed.py builds the organisations, users and trajectories and writes them in bulk; what.py adds
the WHAT and how.py the HOW of the benchmark team, child_voice.py the child's voice,
feedback.py the feedback culture and family.py a parent and a network member on their own
page. Unlike the demo families, nothing here goes through the services: the fields the
services keep (the safety summary and search text of a trajectory, the follow-up of a plan
rule, the signal of a feedback round, what a family member first saw) are computed the way the
services compute them, and samenopweg/demo/tests/test_synthetic_matches_the_services.py checks
that they agree.
"""
