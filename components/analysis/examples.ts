/**
 * "Try an example" header sets. Each is written in the exact format its MTAs produce
 * (modelled on the public fixtures in shared/fixtures/headers), with fictional organisations
 * and documentation IP ranges (RFC 5737) where a real party would otherwise be named.
 * Bodies are omitted: only the header section is ever analysed.
 */

import { EXAMPLE_META, type ExampleMeta } from "./examples-meta";

export interface HeaderExample extends ExampleMeta {
  headers: string;
}

/** SendGrid (HTTP API submission, filterdrecv) → Gmail MX → Google mailbox store. 4 hops. */
const ESP_TO_GMAIL = `Delivered-To: dana.kim@gmail.com
Received: by 2002:a05:6a10:8c4d:b0:5e7:1a2f:3b9c with SMTP id q13csp1964207pxm;
        Mon, 9 Nov 2026 07:12:46 -0800 (PST)
X-Google-Smtp-Source: AGHT+IF3pV0qk2mJ9uY4nQm8rLx5aZ1cT7wE2bH6sD0fK3gN9pR4vX8yU1iO5lM7jC2hB6tA0sF3dQ
X-Received: by 2002:a05:6214:5d0e:b0:6d8:9a1f:4c2e with SMTP id 6a1803df08f44-6d89a1f4c2emr223184516d6.41.1762701165918;
        Mon, 09 Nov 2026 07:12:45 -0800 (PST)
ARC-Seal: i=1; a=rsa-sha256; t=1762701165; cv=none;
        d=google.com; s=arc-20240605;
        b=Qm3kXr9VtP2yLw7sNc4eHf8uJd1aZo6gBi5TqE0vRn3mKs7pYx2Wc9LhFj4Ua8DtGe1
         Sb6Ov0Ny3Mz5Ir7Kq2Xw9Pc4Ht8Ld1Ef6Ga0Jb3Vu5Rs7Tn2Yo9Qm4Wk1Zi8Xe6Uf3Hd
ARC-Authentication-Results: i=1; mx.google.com;
       dkim=pass header.i=@northwind-cloud.com header.s=s1 header.b=Jx8pQ2mT;
       dkim=pass header.i=@sendgrid.info header.s=smtpapi header.b=Lk3vB9nW;
       spf=pass (google.com: domain of bounces+2271934-9c1f-dana.kim=gmail.com@em4821.northwind-cloud.com designates 167.89.12.201 as permitted sender) smtp.mailfrom="bounces+2271934-9c1f-dana.kim=gmail.com@em4821.northwind-cloud.com";
       dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=northwind-cloud.com
Return-Path: <bounces+2271934-9c1f-dana.kim=gmail.com@em4821.northwind-cloud.com>
Received: from o1678912x201.outbound-mail.sendgrid.net (o1678912x201.outbound-mail.sendgrid.net. [167.89.12.201])
        by mx.google.com with ESMTPS id 6a1803df08f44-6d8a0c1b3e2si118273456d6.312.2026.11.09.07.12.45
        for <dana.kim@gmail.com>
        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);
        Mon, 09 Nov 2026 07:12:45 -0800 (PST)
Received-SPF: pass (google.com: domain of bounces+2271934-9c1f-dana.kim=gmail.com@em4821.northwind-cloud.com designates 167.89.12.201 as permitted sender) client-ip=167.89.12.201;
Authentication-Results: mx.google.com;
       dkim=pass header.i=@northwind-cloud.com header.s=s1 header.b=Jx8pQ2mT;
       dkim=pass header.i=@sendgrid.info header.s=smtpapi header.b=Lk3vB9nW;
       spf=pass (google.com: domain of bounces+2271934-9c1f-dana.kim=gmail.com@em4821.northwind-cloud.com designates 167.89.12.201 as permitted sender) smtp.mailfrom="bounces+2271934-9c1f-dana.kim=gmail.com@em4821.northwind-cloud.com";
       dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=northwind-cloud.com
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=northwind-cloud.com;
	h=content-type:from:mime-version:subject:to:cc:content-type:from:
	subject:to;
	s=s1; bh=2nVxQ8kP3mR7tW1yZ4cF6hJ9lN0qS5uX8bD2gK4oT7w=;
	b=Jx8pQ2mTz5kW3nR9vB7cY1hL4sD6fG0jK2mP8qU5xE3wA9tN7bV1cZ4yH6gJ2kL8
	 fR3dS5aQ7wE9tY1uI3oP5lK7jH9gF2dS4aZ6xC8vB0nM2qW4eR6tY8uI0oP2aS4dF
Received: by filterdrecv-6d8c9b7f5-x2kqp with SMTP id filterdrecv-6d8c9b7f5-x2kqp-1-6910AF6C-2C
        2026-11-09 15:12:44.610281734 +0000 UTC m=+2413097.118402551
Received: from MjI3MTkzNA (unknown)
	by geopod-ismtpd-12 (SG) with HTTP
	id 3kX9vQ2pRzOa7LmN1bC4dE
	Mon, 09 Nov 2026 15:12:44.402 +0000 (UTC)
Content-Type: multipart/alternative; boundary=e8f1c2a7b93d4e5fa6b7c8d9e0f1a2b3
Date: Mon, 09 Nov 2026 15:12:44 +0000 (UTC)
From: Northwind Cloud Billing <billing@northwind-cloud.com>
Mime-Version: 1.0
Message-ID: <3kX9vQ2pRzOa7LmN1bC4dE@geopod-ismtpd-12>
Subject: Your invoice for October 2026 is ready
X-SG-EID: u001.Qm3kXr9VtP2yLw7sNc4eHf8uJd1aZo6gBi5TqE0vRn3mKs7pYx2Wc9LhFj4Ua8DtGe1
X-SG-ID: u001.SdBcvi+Evd/bQef8eZF1BvRn3mKs7pYx2Wc9LhFj4Ua8Dt
To: dana.kim@gmail.com
X-Entity-ID: u001.nJqfvQ3eGVSRS3fDZMPvHg==
`;

/**
 * Postfix submission → sender's Postfix → mx2 (backup MX) queues ~2 h while the primary is down
 * → mx1 (primary) → Dovecot LMTP. 4 hops.
 */
const BACKUP_MX = `Return-Path: <erik.lind@northwind-traders.com>
Delivered-To: ops@contoso-labs.net
Received: from mx1.contoso-labs.net ([203.0.113.51])
	by imap.contoso-labs.net with LMTP
	id 8Kx1NH/ez2V6LwAA0J78UA
	(envelope-from <erik.lind@northwind-traders.com>)
	for <ops@contoso-labs.net>; Tue, 10 Mar 2026 09:03:28 +0000
Authentication-Results: mx1.contoso-labs.net;
	dkim=pass (2048-bit key; unprotected) header.d=northwind-traders.com header.i=@northwind-traders.com header.a=rsa-sha256 header.s=mail2025 header.b=Hk3pQ9xZ;
	dmarc=pass (p=quarantine dis=none) header.from=northwind-traders.com
Received: from mx2.contoso-labs.net (mx2.contoso-labs.net [203.0.113.52])
	(using TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits))
	(No client certificate requested)
	by mx1.contoso-labs.net (Postfix) with ESMTPS id 4Q7lC93GZ1z1xRt
	for <ops@contoso-labs.net>; Tue, 10 Mar 2026 09:03:27 +0000 (UTC)
Received-SPF: Pass (mailfrom) identity=mailfrom; client-ip=198.51.100.25; helo=smtp.northwind-traders.com; envelope-from=erik.lind@northwind-traders.com; receiver=mx2.contoso-labs.net
Received: from smtp.northwind-traders.com (smtp.northwind-traders.com [198.51.100.25])
	(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)
	 key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)
	(No client certificate requested)
	by mx2.contoso-labs.net (Postfix) with ESMTPS id 4Q7hLn0QvHz3wPd
	for <ops@contoso-labs.net>; Tue, 10 Mar 2026 07:02:13 +0000 (UTC)
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=northwind-traders.com;
	s=mail2025; t=1773126131;
	bh=9f2Kx7pQ3mV8nR1tW5yZ0cF4hJ6lN2qS8uX3bD7gK1o=;
	h=Date:From:To:Subject:From;
	b=Hk3pQ9xZt7mW2nR5vB8cY4hL1sD3fG6jK9mP2qU0xE7wA4tN1bV8cZ5yH3gJ6kL2
	 fR9dS1aQ4wE7tY0uI2oP8lK5jH3gF6dS9aZ1xC4vB7nM0qW3eR5tY2uI8oP6aS1dF
Received: from [192.168.20.31] (unknown [87.122.40.17])
	(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)
	 key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)
	(No client certificate requested)
	(Authenticated sender: erik.lind@northwind-traders.com)
	by smtp.northwind-traders.com (Postfix) with ESMTPSA id 4Q7hLm2Xkpz9sTq
	for <ops@contoso-labs.net>; Tue, 10 Mar 2026 08:02:11 +0100 (CET)
Message-ID: <d41f7a2c-8e3b-4f0a-9c6d-1b2e3f4a5b6c@northwind-traders.com>
Date: Tue, 10 Mar 2026 08:02:09 +0100
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Content-Language: en-GB
To: ops@contoso-labs.net
From: Erik Lind <erik.lind@northwind-traders.com>
Subject: Q1 supplier contract - signed copy
Content-Type: multipart/mixed; boundary="------------0aX7pQ2mT9kW3nR5vB8cY4hL"
`;

/**
 * A PayPal lure from a rented VPS. The bottom Received header is forged: its date is years
 * before the rest, and its "by" host is not the next hop's "from". SPF passes for the VPS's
 * own envelope domain, which is not aligned with From, so DMARC fails. 4 hops.
 */
const PHISHING = `Return-Path: <bounce@srv4821.hostzone-vps.net>
Delivered-To: j.alvarez@lakeside-credit.org
Received: from mx.lakeside-credit.org ([10.20.0.5])
	by mail-store1.lakeside-credit.org with LMTP
	id mC9kAJ5zT2fQ1wAAqL0x7g
	(envelope-from <bounce@srv4821.hostzone-vps.net>)
	for <j.alvarez@lakeside-credit.org>; Wed, 14 Oct 2026 13:47:25 +0000
Received: from localhost (localhost [127.0.0.1])
	by mx.lakeside-credit.org (Postfix) with ESMTP id 4R2mKr1Bn5z4wY0
	for <j.alvarez@lakeside-credit.org>; Wed, 14 Oct 2026 13:47:24 +0000 (UTC)
X-Virus-Scanned: amavisd-new at lakeside-credit.org
X-Spam-Flag: YES
X-Spam-Score: 7.912
Authentication-Results: mx.lakeside-credit.org;
	dkim=none;
	spf=pass (mx.lakeside-credit.org: domain of bounce@srv4821.hostzone-vps.net designates 192.0.2.147 as permitted sender) smtp.mailfrom=bounce@srv4821.hostzone-vps.net;
	dmarc=fail reason="SPF not aligned (relaxed), No valid DKIM" header.from=paypal.com (policy=reject)
Received: from srv4821.hostzone-vps.net (srv4821.hostzone-vps.net [192.0.2.147])
	by mx.lakeside-credit.org (Postfix) with ESMTP id 4R2mKq0Zs3z4wXy
	for <j.alvarez@lakeside-credit.org>; Wed, 14 Oct 2026 13:47:22 +0000 (UTC)
Received: from mail.paypal.com (mail.paypal.com [64.4.250.33])
	by smtp-relay.paypal.com (8.14.7/8.14.7) with ESMTP id 0B4EC7Kd012345
	for <j.alvarez@lakeside-credit.org>; Mon, 4 Jan 2021 09:12:07 -0800
Date: Wed, 14 Oct 2026 13:47:19 +0000
To: j.alvarez@lakeside-credit.org
From: PayPal <service@paypal.com>
Reply-To: PayPal Resolution Center <resolution@paypal-account-review.net>
Subject: Action required: your account access has been limited
Message-ID: <20261014134719.4F2A1C0831@srv4821.hostzone-vps.net>
X-Mailer: PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)
MIME-Version: 1.0
Content-Type: text/html; charset=UTF-8
`;

const HEADERS: Record<ExampleMeta["id"], string> = {
  "esp-gmail": ESP_TO_GMAIL,
  "backup-mx": BACKUP_MX,
  phishing: PHISHING,
};

export const EXAMPLES: readonly HeaderExample[] = EXAMPLE_META.map((m) => ({ ...m, headers: HEADERS[m.id] }));
