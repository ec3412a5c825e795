"""Every page has a JSON twin: the same URL with ".json" appended, or any URL asked for with
`Accept: application/json`, answers with the data the page was rendered from."""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from flask import Blueprint, jsonify, render_template, request
from flask.json.provider import DefaultJSONProvider


class IsoJSONProvider(DefaultJSONProvider):
    """Dates as ISO text (Flask's default writes them as HTTP dates), dataclasses as dicts."""

    sort_keys = False

    @staticmethod
    def default(o: Any) -> Any:
        if isinstance(o, (dt.date, dt.datetime)):
            return o.isoformat()
        if dataclasses.is_dataclass(o) and not isinstance(o, type):
            return dataclasses.asdict(o)
        return DefaultJSONProvider.default(o)


def wants_json() -> bool:
    if request.path.endswith(".json"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and request.accept_mimetypes[best] > \
        request.accept_mimetypes["text/html"]


def page(template: str, data: dict[str, Any], **extra: Any) -> Any:
    """Render `template` with `data` (plus `extra`, for the HTML only: forms, pickers), or
    return `data` as JSON when the twin was asked for."""
    if wants_json():
        return jsonify(data)
    return render_template(template, **data, **extra)


def twin(bp: Blueprint, rule: str, **options: Any) -> Callable[[Callable[..., Any]], Any]:
    """Register a GET view at `rule` and at `rule` + ".json"."""
    def register(view: Callable[..., Any]) -> Any:
        bp.add_url_rule(rule, view_func=view, methods=["GET"], **options)
        bp.add_url_rule(rule + ".json", view_func=view, methods=["GET"],
                        endpoint=view.__name__ + "_json", **options)
        return view
    return register
