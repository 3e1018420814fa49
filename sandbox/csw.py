"""A CSW 2.0.2 that answers GetRecordById for published metadata (at /csw and /sandbox/csw)."""

from __future__ import annotations

from lxml import etree
from werkzeug.wrappers import Request, Response

from .services import published_record

CSW_NS = "http://www.opengis.net/cat/csw/2.0.2"
OWS_NS = "http://www.opengis.net/ows"


def _exception(status: int, code: str, text: str) -> Response:
    body = (f'<?xml version="1.0" encoding="UTF-8"?><ows:ExceptionReport version="1.0.0"'
            f' xmlns:ows="{OWS_NS}"><ows:Exception exceptionCode="{code}"><ows:ExceptionText>'
            f"{text}</ows:ExceptionText></ows:Exception></ows:ExceptionReport>")
    return Response(body, status=status, content_type="application/xml; charset=utf-8")


class CswService:
    def __init__(self, store):
        self.store = store

    def __call__(self, environ, start_response):
        request = Request(environ)
        args = {k.lower(): v for k, v in request.args.items()}
        if args.get("service", "CSW").upper() != "CSW":
            response = _exception(400, "InvalidParameterValue", "service")
        elif args.get("request", "").lower() != "getrecordbyid":
            response = _exception(400, "OperationNotSupported",
                                  "Seule la requête GetRecordById est disponible")
        elif not args.get("id"):
            response = _exception(400, "MissingParameterValue", "id")
        else:
            response = self._records(args["id"].split(","))
        return response(environ, start_response)

    def _records(self, identifiers) -> Response:
        root = etree.Element(f"{{{CSW_NS}}}GetRecordByIdResponse", nsmap={"csw": CSW_NS})
        for identifier in identifiers:
            path = published_record(self.store, identifier.strip())
            if path is not None:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                root.append(etree.parse(str(path), parser).getroot())
        body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        return Response(body, content_type="application/xml; charset=utf-8")
