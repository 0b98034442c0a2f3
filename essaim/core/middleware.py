"""A limit on the size of every request, checked before its body is read."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from essaim.core import uploads

API_PATH_PREFIX = "/api/"


class RequestSizeLimitMiddleware:
    """Refuses a request whose announced size (``CONTENT_LENGTH``) passes what its view accepts,
    with a French 413, before anything reads its body; and puts in place the upload handler that
    stops reading files past that size (a body sent in chunks, without its length, included).

    What a view accepts depends on its kind: the views that receive files say how much
    (:func:`essaim.core.uploads.limit_upload_size`), the administration's forms take evidence
    files, every other page and the API take ``DATA_UPLOAD_MAX_MEMORY_SIZE`` — public forms
    included. It comes before the CSRF middleware, which reads the body of a POST.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable, args: tuple, kwargs: dict
    ) -> HttpResponse | None:
        upload_limit = uploads.upload_limit_for(view)
        files_expected = upload_limit is not None
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE if upload_limit is None else upload_limit
        if announced_size(request) > limit + uploads.UPLOAD_FORM_OVERHEAD:
            return too_large(request, limit, files_expected=files_expected)
        request.upload_too_large = False
        request.upload_limit = limit
        if uploads.tells_in_form(view):
            handler = uploads.SizeLimitedUploadHandler(request, limit)
            request.upload_handlers.insert(0, handler)
            return None
        # Other views read the files whole up to the limit of the request, so that their forms
        # tell a file a little too large; past it the request is refused, never half read.
        handler = uploads.SizeLimitedUploadHandler(request, limit + uploads.UPLOAD_FORM_OVERHEAD)
        request.upload_handlers.insert(0, handler)
        if request.method == "POST" and request.content_type == "multipart/form-data":
            request.FILES  # noqa: B018 — reading the body now, through the handler
            if request.upload_too_large:
                return too_large(request, limit, files_expected=files_expected)
        return None


def announced_size(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def too_large(request: HttpRequest, limit: int, *, files_expected: bool) -> HttpResponse:
    if files_expected:
        title, message = "Fichier trop lourd", uploads.upload_too_large_message(limit)
    else:
        title, message = "Envoi trop volumineux", uploads.request_too_large_message(limit)
    if request.path_info.startswith(API_PATH_PREFIX):
        return JsonResponse({"detail": message}, status=413)
    context = {"title": title, "message": message, "files_expected": files_expected}
    return render(request, "core/upload_too_large.html", context, status=413)
