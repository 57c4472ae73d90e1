"""Maintainer tools: the course map, launch links, the static site. Notebooks never import these.

>>> from campaignkit import course
>>> course.notebooks()[0].path.name
'00-start-here.ipynb'
"""

from .coursemap import course_map, navigation, readme_block, sync
from .launch import binder_url, launchable, links, nbgitpuller_url, origin_repository, save_repository, settings
from .learning_path import Notebook, notebooks

__all__ = ["Notebook", "notebooks", "course_map", "readme_block", "navigation", "sync", "links",
           "binder_url", "nbgitpuller_url", "launchable", "settings", "origin_repository", "save_repository",
           "build_site"]


def __getattr__(name: str):
    """``build_site`` on first use: it imports nbconvert, which the other tools do not need."""
    if name == "build_site":
        from .site import build_site

        return build_site
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
