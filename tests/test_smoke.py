import pytest


@pytest.mark.django_db
def test_owner_sees_trajectory_page(client, world):
    client.force_login(world.owner)
    response = client.get(f"/trajecten/{world.trajectory.reference}/")
    assert response.status_code == 200
    assert "ALLEEN-PROF" in response.content.decode()


@pytest.mark.django_db
def test_outsider_gets_404(client, world):
    client.force_login(world.other_consultant)
    assert client.get(f"/trajecten/{world.trajectory.reference}/").status_code == 404
