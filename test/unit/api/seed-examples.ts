/*
 * JSON examples copied verbatim from the vendor documents in /work/shared/seeds:
 * 000 (Upscope REST API v1.1) and 002 (UserView object types). They are kept as text so the
 * tests parse exactly what the documents show. The only edit: the list example's `...`
 * placeholder is removed, since it is not JSON.
 *
 * 002 has no complete visitor example, so USERVIEW_VISITOR_JSON is assembled from its attribute
 * tables: every documented attribute, using the document's example values where it gives one.
 */

export const AUTH_ERROR_JSON = `{
  "status": "error",
  "error": "invalid_api_key"
}`;

export const USAGE_JSON = `{
  "usage": {
    "visitors": {
      "online_now": 100,
      "last_24_hrs": 1000,
      "last_30_days": 40000
    },
    "agents": {
      "today": 5,
      "last_30_days": 20
    },
    "session_counts": {
      "now": 3,
      "today": 30,
      "last_30_days": 100
    },
    "session_seconds": {
      "today": 400,
      "last_30_days": 10000
    }
  }
}`;

export const LIST_JSON = `{
  "status": "ok",
  "visitors": [
    {
      "short_id": "1234"
    }
  ]
}`;

export const VISITOR_JSON = `{
  "status": "ok",
  "visitor": {
    "api_key": "xyzxyzxyz",
    "browser_name": "Chrome 65",
    "device_name": null,
    "device_type": "desktop",
    "first_seen_at": "2018-03-16T15:25:59.000Z",
    "identities": ["Joe Smith"],
    "integration": "intercom",
    "ip_address": "8.8.8.8",
    "is_in_session": false,
    "is_online": true,
    "js_configuration": false,
    "last_seen_at": "2018-04-17T14:43:44.000Z",
    "last_url": "https://your-website.com/abc",
    "location_city": "New York, NY",
    "location_country": "US",
    "location_country_name": "united states",
    "lookup_code": null,
    "short_id": "ABCD1234",
    "tags": ["#customer"],
    "unique_id": "123",
    "sessions": [
      {
        "id": 1,
        "length_seconds": 91,
        "formatted_length": "1 minute",
        "call_length_seconds": 0,
        "formatted_call_length": "-",
        "started_at": "2018-07-05T11:53:38.000+01:00",
        "ended_at": "2018-07-05T11:55:09.000+01:00",
        "went_live": true,
        "features_used": [
          "click"
        ],
        "visitor_id": "ABCD1234",
        "team": {
          "id": 1,
          "domain": "upscope.io",
          "_type": "team"
        },
        "agents": [
          {
            "id": 1,
            "name": "Joe Smith",
            "agent_identifier": "ext-123",
            "_type": "external_agent"
          }
        ],
        "_type": "session"
      }
    ],
    "_type": "visitor"
  }
}`;

export const WATCH_URL_REQUEST_JSON = `{
  "branding": {
    "naked": true,
    "retry_url": "https://your-website.com/admin/screenshare/XYZ",
    "no_bottom_bar": false
  },
  "agent": {
    "id": "123",
    "name": "Joe Smith"
  }
}`;

export const WATCH_URL_JSON = `{
  "watch_url": "https://o.upscope.io?xyz"
}`;

export const SCREENSHOT_JSON = `{
  "small": {
    "url": "https://example.com/100x100.png",
    "height": 100,
    "width": 100
  },
  "medium": {
    "url": "https://example.com/200x200.png",
    "height": 200,
    "width": 200
  },
  "large": {
    "url": "https://example.com/400x400.png",
    "height": 400,
    "width": 400
  }
}`;

export const USERVIEW_VISITOR_JSON = `{
  "status": "ok",
  "visitor": {
    "added_at": "2023-05-02T09:15:00.000Z",
    "api_key": "pubkey123",
    "browser_name": "Mobile Safari",
    "call_name": "joe",
    "device_name": "iPhone",
    "device_type": "mobile",
    "email": "jane@example.com",
    "history": [
      {
        "events": [
          {
            "icon": "https://example.com/chat.png",
            "title": "Live chat conversation started",
            "ts": "2023-05-02T09:16:10.000Z",
            "uuid": "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
          }
        ],
        "pageview_id": "6fa459ea-ee8a-3ca4-894e-db77e160355e",
        "screenshot": ${SCREENSHOT_JSON},
        "ts": "2023-05-02T09:16:00.000Z",
        "url": "https://shop.example.com/checkout"
      }
    ],
    "identities": ["Jane Doe", "jane@example.com"],
    "integration": "zendesk",
    "ip_address": "203.0.113.7",
    "is_in_session": false,
    "is_online": true,
    "is_supported": true,
    "is_waiting_for_call": true,
    "js_configuration": false,
    "last_seen_at": "2023-05-02T09:20:00.000Z",
    "last_url": "https://shop.example.com/checkout",
    "location_city": "Lisbon",
    "location_country_name": "portugal",
    "location_country": "PT",
    "lookup_code": "4821",
    "name": "Jane Doe",
    "nickname": "jane",
    "sessions": [
      {
        "agents": [
          {
            "agent_nickname": "joe",
            "email": "joe@example.com",
            "external_id": "ext-9",
            "id": "a-42",
            "name": "Joe Smith",
            "on_premise": false
          }
        ],
        "call_length_seconds": 11,
        "call_name": "joe",
        "ended_at": "2023-05-01T10:01:10.000Z",
        "features_used": ["remote_typing"],
        "formatted_call_length": "00:11",
        "formatted_length": "01:10",
        "id": "s-1001",
        "length_seconds": 70,
        "on_premise": false,
        "public_video_url": "https://app.example.com/videos/s-1001",
        "secret_video_url": "https://videos.example.com/s-1001.mp4",
        "session_authorized": true,
        "source": "personal link",
        "start_url": "https://shop.example.com/cart",
        "started_at": "2023-05-01T10:00:00.000Z",
        "team": { "id": 7, "domain": "shop.example.com", "_type": "team" },
        "video_status": "ready",
        "visitor_id": "UV5678"
      }
    ],
    "short_id": "UV5678",
    "tags": ["vip"],
    "unique_id": "user-5678",
    "watch_link": "https://app.example.com/w/UV5678"
  }
}`;
