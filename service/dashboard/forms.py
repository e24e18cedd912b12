"""Dashboard forms; every one carries a CSRF token (flask-wtf), so no POST works without it."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField, RadioField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

ACTION_CHOICES = [
    ("approve", "Approve"),
    ("reject", "Reject"),
    ("override", "Override the automated decision"),
]
OVERRIDE_CHOICES = [("", "— choose —"), ("approve", "approve"), ("reject", "reject")]


class LoginForm(FlaskForm):
    email = EmailField("E-mail", validators=[DataRequired(), Length(max=320)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=1024)])
    next = HiddenField()


class DecisionForm(FlaskForm):
    action = RadioField("Decision", choices=ACTION_CHOICES, validators=[DataRequired()])
    override_decision = SelectField("Override to", choices=OVERRIDE_CHOICES, default="")
    note = TextAreaField(
        "Note (required: why, for the audit trail and the publisher)",
        validators=[DataRequired(message="A note is required."), Length(min=3, max=4000)],
    )

    def validate_override_decision(self, field: Any) -> None:
        if self.action.data == "override" and field.data not in ("approve", "reject"):
            raise ValidationError("Choose the decision that replaces the automated one.")

    def resulting_decision(self) -> str:
        return str(self.override_decision.data if self.action.data == "override" else self.action.data)


class PostForm(FlaskForm):
    """A bare form for buttons (logout, replay): only the CSRF token."""
